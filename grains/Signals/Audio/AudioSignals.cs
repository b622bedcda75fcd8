using Highlights.Grains.Audio;

namespace Highlights.Grains.Signals.Audio;

/// <summary>The audio half of the signals on the step grid: loudness, excitement, and the audio events.</summary>
public sealed record AudioSignals(bool Present, float[] Loudness, float[] Excitement, IReadOnlyList<SignalEvent> Events)
{
    /// <summary>How marked an excitement peak must be (0..1 after scaling) to be reported as an event.</summary>
    public const double PeakThreshold = 0.6;

    /// <summary>Excitement that scales to 1 at least: a video with nothing exciting stays low instead of being stretched.</summary>
    public const double MinimumExcitementScale = 0.25;

    public static AudioSignals Silent(int steps) => new(false, new float[steps], new float[steps], []);

    public static AudioSignals Build(EnergySeries energy, AudioFeatures features, double stepSeconds, int steps)
    {
        if (!energy.Present || energy.MomentaryLufs.Length == 0)
        {
            return Silent(steps);
        }

        var window = energy.WindowSeconds;
        var silent = SilenceDetector.Mark(energy.MomentaryLufs);
        var perWindow = AudioExcitement.Compute(energy.Normalised, features.Flatness, features.Flux, silent);
        var loudness = StepResampler.Mean(energy.Normalised, window, stepSeconds, steps).Select(v => (float)Math.Round(v, 3)).ToArray();
        var (excitement, _) = UnitScaler.Scale(StepResampler.Mean(perWindow, window, stepSeconds, steps), MinimumExcitementScale);

        var events = new List<SignalEvent>();
        events.AddRange(BurstDetector.Find(energy.MomentaryLufs, window));
        events.AddRange(SilenceDetector.Spans(silent, window));
        events.AddRange(PeakFinder.Find(excitement, stepSeconds, SignalEventTypes.ExcitementPeak, PeakThreshold));
        return new AudioSignals(true, loudness, excitement, events);
    }
}
