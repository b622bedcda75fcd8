using System.Numerics;

namespace Highlights.Grains.Captions;

/// <summary>
/// Bounds on what <see cref="CaptionParser"/> accepts. Caption files come from users, so every dimension that
/// drives memory or work is capped; the defaults are far above anything a real subtitle track needs.
/// </summary>
public sealed record CaptionLimits
{
    public static CaptionLimits Default { get; } = new();

    /// <summary>Larger files are rejected before being read.</summary>
    public long MaxFileBytes { get; init => field = Positive(value, nameof(MaxFileBytes)); } = 20L * 1024 * 1024;

    /// <summary>More cue timing lines than this (good or malformed) rejects the file.</summary>
    public int MaxCues { get; init => field = Positive(value, nameof(MaxCues)); } = 100_000;

    /// <summary>Longer cue text is cut at a word boundary rather than dropped.</summary>
    public int MaxCueTextChars { get; init => field = Positive(value, nameof(MaxCueTextChars)); } = 1_000;

    /// <summary>Longer cues are skipped as malformed: no real caption stays on screen this long.</summary>
    public double MaxCueSeconds { get; init => field = Positive(value, nameof(MaxCueSeconds)); } = 60;

    /// <summary>Cues ending later than this are skipped as malformed.</summary>
    public double MaxTimestampHours { get; init => field = Positive(value, nameof(MaxTimestampHours)); } = 48;

    // Written as "> 0" rather than a negative check so that NaN is refused too.
    private static T Positive<T>(T value, string name) where T : INumber<T> =>
        value > T.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "Caption limits must be positive.");
}
