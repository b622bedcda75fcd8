using Highlights.Grains.Audio;

namespace Highlights.UnitTests.Audio;

public sealed class LoudnessNormaliserTests
{
    private static float[] Ramp(float from, float to, int count) =>
        [.. Enumerable.Range(0, count).Select(i => from + ((to - from) * i / (count - 1)))];

    [Fact]
    public void Silence_maps_to_zero()
    {
        Assert.Equal([0f, 0f, 0f], LoudnessNormaliser.Normalise([-120f, -120f, -75f]));
    }

    [Fact]
    public void An_empty_series_stays_empty()
    {
        Assert.Empty(LoudnessNormaliser.Normalise([]));
    }

    [Fact]
    public void A_flat_signal_maps_to_one_half_except_its_silent_windows()
    {
        Assert.Equal([0.5f, 0.5f, 0f, 0.5f, 0.5f], LoudnessNormaliser.Normalise([-20f, -20.4f, -120f, -20.2f, -19.7f]));
    }

    [Fact]
    public void A_ramp_maps_monotonically_onto_zero_to_one()
    {
        var normalised = LoudnessNormaliser.Normalise(Ramp(-40, -10, 31));

        Assert.Equal(0f, normalised[0]);
        Assert.Equal(1f, normalised[^1]);
        Assert.All(normalised.Zip(normalised.Skip(1)), pair => Assert.True(pair.Second >= pair.First, $"{pair.First} then {pair.Second}"));
        Assert.True(normalised.Distinct().Count() > 20, "a ramp must keep its gradations");
    }

    [Fact]
    public void One_outlier_spike_does_not_compress_the_rest_of_the_series()
    {
        var loudness = Ramp(-30, -20.1f, 100).Append(-1f).ToArray();

        var normalised = LoudnessNormaliser.Normalise(loudness);

        Assert.Equal(1f, normalised[^1]);
        Assert.Equal(1f, normalised[98]);
        Assert.InRange(normalised[50], 0.4f, 0.6f);
    }

    [Fact]
    public void Silent_dropouts_do_not_change_how_the_audible_windows_are_scaled()
    {
        var audible = Ramp(-35, -15, 40);
        var withDropouts = audible.Concat(Enumerable.Repeat(-120f, 30)).ToArray();

        var expected = LoudnessNormaliser.Normalise(audible);
        var actual = LoudnessNormaliser.Normalise(withDropouts);

        Assert.Equal(expected, actual.Take(40));
        Assert.All(actual.Skip(40), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Results_are_always_between_zero_and_one()
    {
        float[] loudness = [-60, -69.9f, -5, -30, -31, -29, -100, 3, -45];

        Assert.All(LoudnessNormaliser.Normalise(loudness), v => Assert.InRange(v, 0f, 1f));
    }
}
