using Highlights.Grains.Media;

namespace Highlights.Grains.Probe;

/// <summary>Checkpoint of the probe stage: the media description plus what the report should warn about.</summary>
public sealed record ProbeResult(MediaInfo Media, IReadOnlyList<string> Warnings);
