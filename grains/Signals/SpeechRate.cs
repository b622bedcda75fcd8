using Highlights.Grains.Captions;
using Highlights.Grains.Selection;

namespace Highlights.Grains.Signals;

/// <summary>Words per second per step, from caption cues: each cue's words are spread evenly over its time on screen.</summary>
public static class SpeechRate
{
    public static float[] PerStep(IReadOnlyList<Cue> cues, double stepSeconds, int steps)
    {
        var words = new double[steps];
        foreach (var cue in cues)
        {
            var count = KeywordMatcher.Tokenize(cue.Text).Length;
            if (count == 0 || cue.End <= cue.Start)
            {
                continue;
            }

            var perSecond = count / cue.Duration;
            var first = Math.Max(0, StepResampler.StepOf(cue.Start, stepSeconds));
            for (var s = first; s < steps && s * stepSeconds < cue.End; s++)
            {
                var overlap = Math.Min(cue.End, (s + 1) * stepSeconds) - Math.Max(cue.Start, s * stepSeconds);
                if (overlap > 0)
                {
                    words[s] += perSecond * overlap;
                }
            }
        }

        return [.. words.Select(w => (float)(w / stepSeconds))];
    }
}
