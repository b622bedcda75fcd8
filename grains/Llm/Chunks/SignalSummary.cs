using System.Globalization;
using Highlights.Grains.Selection;

namespace Highlights.Grains.Llm.Chunks;

/// <summary>One line for the prompt: where the measured signals peak inside a chunk, so the model can weigh what it cannot hear or see.</summary>
public static class SignalSummary
{
    public const int PeaksPerTrack = 3;
    public const double Threshold = 0.6;
    public const double SeparationSeconds = 10;

    public static string Describe(SelectionSignals signals, double start, double end)
    {
        var tracks = new[] { signals.Audio, signals.Visual }.OfType<SignalTrack>().ToList();
        if (tracks.Count == 0)
        {
            return "none measured";
        }

        return string.Join("; ", tracks.Select(track =>
        {
            var peaks = track.Peaks(start, end, PeaksPerTrack, Threshold, SeparationSeconds);
            return peaks.Count == 0
                ? $"{track.Name}: no peak"
                : $"{track.Name} peaks at " + string.Join(", ", peaks.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Timecode.Format(p.Time)} ({p.Value:0.00})")));
        }));
    }
}
