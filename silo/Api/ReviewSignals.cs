using Highlights.Grains.Selection;
using Highlights.Grains.Signals;

namespace Highlights.Silo.Api;

/// <summary>
/// Answer of <c>GET /v1/videos/{id}/signals</c>: the series the studio plots under the timeline, one value 0..1 per
/// step of <see cref="Step"/> seconds. <see cref="LlmScore"/> is the LLM's own rating / 100 over the spans it proposed
/// (0 elsewhere); null when no LLM took part.
/// </summary>
public sealed record ReviewSignals(double Step, double Duration, float[] AudioExcitement, float[] VisualReaction, float[]? LlmScore)
{
    public static ReviewSignals From(SignalsDocument signals, SelectionResult? selection)
    {
        var picks = selection?.Segments.Where(s => s.Pick is not null).Select(s => s.Pick!).ToList() ?? [];
        float[]? llm = null;
        if (picks.Count > 0)
        {
            llm = new float[signals.Steps];
            foreach (var pick in picks)
            {
                var first = Math.Max(0, (int)Math.Floor(pick.Start / signals.Step));
                var last = Math.Min(signals.Steps, (int)Math.Ceiling(pick.End / signals.Step));
                for (var i = first; i < last; i++)
                {
                    llm[i] = Math.Max(llm[i], pick.Score / 100f);
                }
            }
        }

        return new ReviewSignals(signals.Step, signals.Duration, signals.Series.AudioExcitement, signals.Series.VisualReaction, llm);
    }
}
