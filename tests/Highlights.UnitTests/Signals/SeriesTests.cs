using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Signals;

public sealed class SeriesTests
{
    [Fact]
    public void Resampling_averages_the_samples_of_each_step()
    {
        float[] tenths = [1, 1, 1, 1, 1, 0, 0, 0, 0, 2];

        Assert.Equal([1f, 0.4f], StepResampler.Mean(tenths, 0.1, 0.5, 2));
    }

    [Fact]
    public void A_step_boundary_that_is_not_exact_in_binary_still_starts_a_new_step()
    {
        // Sample 3 is at 0.3 s, and 3 * 0.1 / 0.3 is 0.9999999999999999.
        float[] values = [0, 0, 0, 5, 5, 5];

        Assert.Equal([0f, 5f], StepResampler.Mean(values, 0.1, 0.3, 2));
    }

    [Fact]
    public void Steps_without_a_sample_repeat_the_one_before_and_max_takes_the_largest()
    {
        float[] perSecond = [0.2f, 0.9f];

        Assert.Equal([0.2f, 0.2f, 0.9f, 0.9f], StepResampler.Mean(perSecond, 1, 0.5, 4));
        Assert.Equal([0.9f], StepResampler.Max([0.2f, 0.9f, 0.1f], 0.25, 1, 1));
    }

    [Fact]
    public void Scaling_maps_the_98th_percentile_to_one_so_an_outlier_does_not_flatten_the_rest()
    {
        var values = Enumerable.Range(0, 100).Select(i => i / 100f).Append(50f).ToArray();

        var (scaled, scale) = UnitScaler.Scale(values, minimumScale: 0.01);

        Assert.Equal(0.98, scale, 2);
        Assert.Equal(1f, scaled[^1]);
        Assert.InRange(scaled[49], 0.49f, 0.51f);
    }

    [Fact]
    public void A_series_below_its_minimum_scale_stays_small_instead_of_being_stretched()
    {
        var flicker = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? 0.001f : 0.002f).ToArray();

        var (scaled, scale) = UnitScaler.Scale(flicker, minimumScale: 0.01);

        Assert.Equal(0.01, scale);
        Assert.All(scaled, v => Assert.InRange(v, 0f, 0.2f));
    }

    [Fact]
    public void A_lone_peak_becomes_one_event_spanning_its_shoulders()
    {
        var values = new float[40];
        values[19] = 0.5f;
        values[20] = 1f;
        values[21] = 0.7f;

        var peak = Assert.Single(PeakFinder.Find(values, 0.5, SignalEventTypes.ReactionPeak));

        Assert.Equal((9.5, 11.0, 10.25), (peak.Start, peak.End, peak.Peak));
        Assert.Equal(1, peak.Strength);
    }

    [Fact]
    public void A_flat_series_has_no_peaks_however_high()
    {
        Assert.Empty(PeakFinder.Find(Enumerable.Repeat(0.95f, 30).ToArray(), 0.5, SignalEventTypes.ReactionPeak));
    }

    [Fact]
    public void Nearby_peaks_are_merged_into_the_strongest()
    {
        var values = new float[60];
        values[10] = 0.8f;
        values[14] = 1f;
        values[40] = 0.9f;

        var peaks = PeakFinder.Find(values, 0.5, SignalEventTypes.ExcitementPeak, separationSeconds: 5);

        Assert.Equal([7.25, 20.25], peaks.Select(p => p.Peak));
    }
}
