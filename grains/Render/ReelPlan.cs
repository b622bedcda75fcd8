using Highlights.Grains.Edl;
using Highlights.Grains.State;

namespace Highlights.Grains.Render;

/// <summary>The reel choices in force for one video: what the run asked for, else the <c>Render</c> options.</summary>
public sealed record ReelPlan(ReelFraming Framing, double LoudnessTargetLufs, TimeSpan Crossfade, bool BurnCaptions)
{
    public static ReelPlan Resolve(ReelChoices? asked, RenderOptions options) => new(
        asked?.Framing ?? options.Framing,
        asked?.LoudnessLufs ?? options.LoudnessTarget,
        asked?.CrossfadeMs is { } ms ? TimeSpan.FromMilliseconds(ms) : options.Crossfade,
        asked?.BurnCaptions ?? options.BurnCaptions);
}
