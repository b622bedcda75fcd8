using Highlights.Grains.Audio;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class SignalTrackTests
{
    /// <summary>Sixty seconds at 0.1 s steps: quiet (0.1), with loud seconds at 12 and 40-41 and a lesser bump at 13.</summary>
    private static readonly SignalTrack Track = new("audio energy", 0.1, [.. Enumerable.Range(0, 600).Select(i => (i / 10) switch
    {
        12 => 0.95f,
        13 => 0.7f,
        40 or 41 => 0.8f,
        _ => 0.1f,
    })]);

    [Fact]
    public void Peaks_are_the_strongest_seconds_over_the_threshold_kept_apart_in_time_order()
    {
        var peaks = Track.Peaks(0, 60, count: 3, threshold: 0.6, separationSeconds: 10);

        Assert.Equal([(12.0, 0.95), (40.0, 0.8)], peaks.Select(p => (p.Time, Math.Round(p.Value, 2))));
    }

    [Fact]
    public void The_signal_summary_names_the_peaks_inside_the_chunk_only()
    {
        var signals = new SelectionSignals(Track, null);

        Assert.Equal("audio energy peaks at 00:40 (0.80)", SignalSummary.Describe(signals, 30, 60));
        Assert.Equal("audio energy: no peak", SignalSummary.Describe(signals, 20, 30));
        Assert.Equal("none measured", SignalSummary.Describe(SelectionSignals.None, 0, 60));
    }

    [Fact]
    public void Energy_becomes_the_audio_track_and_no_audio_means_no_track()
    {
        var energy = new EnergySeries(true, 0.1, new float[3], new float[3], [0.2f, 0.4f, 0.6f]);

        Assert.Equal(0.4, SelectionSignals.From(energy).Audio!.MeanBetween(0, 0.3), 6);
        Assert.Null(SelectionSignals.From(EnergySeries.None).Audio);
    }
}
