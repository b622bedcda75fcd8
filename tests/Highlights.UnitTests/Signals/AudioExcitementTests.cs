using Highlights.Grains.Signals.Audio;

namespace Highlights.UnitTests.Signals;

public sealed class AudioExcitementTests
{
    [Fact]
    public void At_the_same_loudness_broadband_noise_is_more_exciting_than_a_voice_and_silence_is_nothing()
    {
        float[] loudness = [0.8f, 0.8f, 0.8f, 0.2f];
        float[] flatness = [0.05f, 0.45f, 0.45f, 0.45f];
        float[] flux = [3, 3, 3, 3];
        bool[] silent = [false, false, true, false];

        var excitement = AudioExcitement.Compute(loudness, flatness, flux, silent);

        Assert.True(excitement[1] > excitement[0] * 1.5, $"noise {excitement[1]} vs voice {excitement[0]}");
        Assert.Equal(0f, excitement[2]);
        Assert.True(excitement[3] < excitement[0], "quiet noise is less exciting than a loud voice");
    }

    [Fact]
    public void A_sudden_change_adds_to_a_window()
    {
        var steady = AudioExcitement.Compute([0.6f], [0.05f], [2f], [false])[0];
        var sudden = AudioExcitement.Compute([0.6f], [0.05f], [9f], [false])[0];

        Assert.True(sudden > steady);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.12, 0.0)]
    [InlineData(0.35, 1.0)]
    [InlineData(0.9, 1.0)]
    public void Noisiness_maps_tonal_to_zero_and_crowd_like_flatness_to_one(double flatness, double expected)
    {
        Assert.Equal(expected, AudioExcitement.Noisiness(flatness), 6);
    }
}
