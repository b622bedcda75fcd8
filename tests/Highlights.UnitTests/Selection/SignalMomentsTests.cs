using Highlights.Grains.Selection;
using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Selection;

public sealed class SignalMomentsTests
{
    private static SignalEvent Event(string type, double start, double end) => new(type, start, end, (start + end) / 2, 1);

    [Fact]
    public void Overlapping_excitement_and_reaction_are_one_moment_with_edges_from_both()
    {
        var moment = Assert.Single(SignalMoments.From(
        [
            Event(SignalEventTypes.ExcitementPeak, 20, 27),
            Event(SignalEventTypes.ReactionPeak, 21.5, 28),
        ]));

        Assert.Equal([new SignalEdge(20, "audio excitement", true), new SignalEdge(21.5, "visual reaction", true)], moment.Rises);
        Assert.Equal([new SignalEdge(27, "audio excitement", false), new SignalEdge(28, "visual reaction", false)], moment.Falls);
    }

    [Fact]
    public void A_reaction_a_beat_after_the_sound_joins_its_moment_and_one_further_away_does_not()
    {
        var moments = SignalMoments.From(
        [
            Event(SignalEventTypes.ExcitementPeak, 10, 14),
            Event(SignalEventTypes.ReactionPeak, 14.8, 17),
            Event(SignalEventTypes.ReactionPeak, 30, 33),
        ]);

        Assert.Equal(2, moments.Count);
        Assert.Equal([10.0, 14.8], moments[0].Rises.Select(r => r.Time));
        Assert.Equal([30.0], moments[1].Rises.Select(r => r.Time));
    }

    [Fact]
    public void Bursts_silences_and_cuts_give_no_edges_and_peaks_with_the_same_span_give_one()
    {
        var moments = SignalMoments.From(
        [
            Event(SignalEventTypes.LoudnessBurst, 5, 9),
            Event(SignalEventTypes.Silence, 40, 44),
            new SignalEvent(SignalEventTypes.SceneCut, 50, 50, 50, 0.8),
            Event(SignalEventTypes.ReactionPeak, 10, 20),
            new SignalEvent(SignalEventTypes.ReactionPeak, 10, 20, 18.25, 1),
        ]);

        var moment = Assert.Single(moments);
        Assert.Equal([10.0], moment.Rises.Select(r => r.Time));
        Assert.Equal([20.0], moment.Falls.Select(r => r.Time));
    }

    [Fact]
    public void An_edge_describes_its_source_and_direction()
    {
        Assert.Equal("audio excitement rise at 12.3 s", new SignalEdge(12.3, "audio excitement", true).Describe());
        Assert.Equal("visual reaction fall at 18.0 s", new SignalEdge(18, "visual reaction", false).Describe());
    }
}
