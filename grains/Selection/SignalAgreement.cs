namespace Highlights.Grains.Selection;

/// <summary>
/// How far sound and picture mark the same moments in a window: the mean over its steps of
/// <c>√(audio · visual)</c>, a geometric mean per step, so a step counts only as much as its weaker signal allows.
/// A voice raised over a still picture, or a cut with nothing heard, agrees little; a roar with a moving face, much.
/// Pure.
/// </summary>
public static class SignalAgreement
{
    public static double Between(SignalTrack audio, SignalTrack visual, double start, double end)
    {
        if (end <= start)
        {
            return 0;
        }

        var step = Math.Max(audio.StepSeconds, visual.StepSeconds);
        double sum = 0, covered = 0;
        for (var t = start; t < end - 1e-9; t += step)
        {
            var sliceEnd = Math.Min(end, t + step);
            var length = sliceEnd - t;
            sum += length * Math.Sqrt(audio.MeanBetween(t, sliceEnd) * visual.MeanBetween(t, sliceEnd));
            covered += length;
        }

        return covered > 0 ? sum / covered : 0;
    }
}
