using Highlights.Grains.Edl;

namespace Highlights.Grains.State;

/// <summary>
/// How this video's reel should look and sound, as asked for this run (CLI flags). Each null takes the matching
/// <c>Render</c> option. Part of the video's identity: a vertical reel of a talk is another video than its 16:9 one.
/// </summary>
public sealed record ReelChoices
{
    public ReelFraming? Framing { get; init; }

    /// <summary>Integrated loudness target in LUFS: -16, -14 or -23.</summary>
    public double? LoudnessLufs { get; init; }

    /// <summary>Crossfade between segments in milliseconds; 0 cuts.</summary>
    public int? CrossfadeMs { get; init; }

    public bool? BurnCaptions { get; init; }

    /// <summary>Null when nothing was asked for, so a plain run keeps the identity it had before these choices existed.</summary>
    public ReelChoices? OrNullWhenEmpty() => Framing is null && LoudnessLufs is null && CrossfadeMs is null && BurnCaptions is null ? null : this;
}
