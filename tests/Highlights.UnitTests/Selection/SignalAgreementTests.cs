using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class SignalAgreementTests
{
    /// <summary>Twenty one-second steps: the given steps at <paramref name="value"/>, the rest 0.</summary>
    private static SignalTrack Track(string name, float value, params int[] steps) =>
        new(name, 1, [.. Enumerable.Range(0, 20).Select(i => steps.Contains(i) ? value : 0f)]);

    [Fact]
    public void Sound_and_picture_high_in_the_same_steps_agree_fully()
    {
        Assert.Equal(1, SignalAgreement.Between(Track("a", 1, 4, 5, 6, 7), Track("v", 1, 4, 5, 6, 7), 4, 8), 6);
    }

    [Fact]
    public void Sound_and_picture_high_in_different_steps_do_not_agree()
    {
        Assert.Equal(0, SignalAgreement.Between(Track("a", 1, 4, 5), Track("v", 1, 6, 7), 4, 8), 6);
    }

    [Fact]
    public void A_loud_stretch_over_a_still_picture_agrees_less_than_a_moderate_one_the_picture_shares()
    {
        var loudAlone = SignalAgreement.Between(Track("a", 1, 0, 1, 2, 3), Track("v", 0.05f, 0, 1, 2, 3), 0, 4);
        var shared = SignalAgreement.Between(Track("a", 0.5f, 0, 1, 2, 3), Track("v", 0.5f, 0, 1, 2, 3), 0, 4);

        Assert.True(shared > loudAlone, $"shared {shared} vs loud alone {loudAlone}");
    }

    [Fact]
    public void Tracks_on_different_steps_are_compared_on_the_coarser_one()
    {
        var fine = new SignalTrack("a", 0.5, [.. Enumerable.Repeat(1f, 40)]);

        Assert.Equal(Math.Sqrt(0.25), SignalAgreement.Between(fine, Track("v", 0.25f, 2, 3), 2, 4), 6);
    }
}
