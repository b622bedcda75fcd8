using Highlights.Grains.Audio;
using Highlights.Grains.Loudness;

namespace Highlights.Grains.Edl;

/// <summary>Gives every segment its planned gain (<see cref="LoudnessPlanner"/>); an EDL without a loudness measurement is left as it is.</summary>
public static class EdlLoudness
{
    public static EdlDocument Apply(EdlDocument edl, EnergySeries series, double levellingRangeLu)
    {
        if (edl.Render.Loudness is not { } settings)
        {
            return edl;
        }

        var plans = LoudnessPlanner.Plan(settings, series, edl.Segments, levellingRangeLu);
        return edl with { Segments = [.. edl.Segments.Zip(plans, (segment, plan) => segment with { Loudness = plan })] };
    }
}
