namespace Highlights.Grains.Render;

/// <summary>Checkpoint of the render stage; <see cref="FileName"/> is relative to the video's work directory.</summary>
public sealed record RenderResult(string FileName, double DurationSeconds, long SizeBytes);
