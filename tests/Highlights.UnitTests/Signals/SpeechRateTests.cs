using Highlights.Grains.Captions;
using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Signals;

public sealed class SpeechRateTests
{
    [Fact]
    public void A_cue_spreads_its_words_over_its_time_and_gaps_are_zero()
    {
        Cue[] cues = [new(0.5, 1.5, "one two three four"), new(2.0, 2.5, "five six")];

        var rate = SpeechRate.PerStep(cues, 0.5, 6);

        Assert.Equal([0f, 4f, 4f, 0f, 4f, 0f], rate);
    }

    [Fact]
    public void A_cue_across_a_step_boundary_shares_its_words_by_overlap()
    {
        var rate = SpeechRate.PerStep([new Cue(0.25, 0.75, "a b")], 0.5, 2);

        Assert.Equal([2f, 2f], rate);
    }
}
