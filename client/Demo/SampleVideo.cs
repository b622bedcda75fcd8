using Highlights.Grains.Captions;

namespace Highlights.Cli.Demo;

/// <summary>A generated talk: the video, its sidecar captions, and where each line was spoken.</summary>
public sealed record SampleVideo(string VideoPath, string CaptionsPath, double DurationSeconds, IReadOnlyList<Cue> Lines, IReadOnlyList<Cue> ExcitedLines);
