namespace Highlights.Grains.Selection;

/// <summary>
/// Bounds on candidate building, so the work grows with the number of cues, not its square: captions come from
/// users, and a file of dense, overlapping cues would otherwise make every run of cues a window holding all their text.
/// The defaults are far above what real speech needs (20 s of fast speech is about 15 cues and 400 characters).
/// </summary>
public sealed record CandidateLimits
{
    public static CandidateLimits Default { get; } = new();

    /// <summary>A window stops growing after this many cues, however short they are.</summary>
    public int MaxCuesPerCandidate { get; init; } = 64;

    /// <summary>A window's text is cut here; it only feeds keyword scoring and the segment's text.</summary>
    public int MaxTextChars { get; init; } = 800;

    /// <summary>All windows together; each start cue gets its share (at least one), spread over its lengths.</summary>
    public int MaxCandidates { get; init; } = 100_000;
}
