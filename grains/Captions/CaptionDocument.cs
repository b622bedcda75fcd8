namespace Highlights.Grains.Captions;

/// <summary>What a caption parser returns: the good cues in start order, and how many it had to skip.</summary>
public sealed record CaptionDocument(IReadOnlyList<Cue> Cues, int SkippedCues);
