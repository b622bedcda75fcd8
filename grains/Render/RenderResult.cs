namespace Highlights.Grains.Render;

/// <summary>
/// Checkpoint of the render stage; <see cref="FileName"/> is relative to the video's work directory. <see cref="Chunks"/>
/// is 1 for a single-pass render.
/// </summary>
public sealed record RenderResult(string FileName, double DurationSeconds, long SizeBytes, int Chunks = 1);
