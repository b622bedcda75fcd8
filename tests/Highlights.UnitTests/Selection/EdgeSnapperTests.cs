using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class EdgeSnapperTests
{
    private static readonly PauseSpan[] Pauses =
    [
        new(4.9, 5.0, PauseSpan.BetweenCues),
        new(12.33, 12.61, PauseSpan.Quiet),
        new(20.01, 20.02, PauseSpan.BetweenWords),
    ];

    [Fact]
    public void An_edge_goes_into_the_nearest_pause_on_a_frame_inside_it()
    {
        var (time, where) = new EdgeSnapper(Pauses, 25).Snap(11.8);

        // Nearest point of the pause is 12.33; the first frame boundary inside it is 12.36 (frame 309).
        Assert.Equal(12.36, time, 6);
        Assert.Equal("snapped to 12.36 s, quiet pause in the speech", where);
    }

    [Fact]
    public void An_edge_inside_a_pause_stays_there_on_its_nearest_frame()
    {
        Assert.Equal(12.48, new EdgeSnapper(Pauses, 25).Snap(12.47).Time, 6);
    }

    [Fact]
    public void A_pause_shorter_than_a_frame_gets_the_frame_nearest_its_middle()
    {
        Assert.Equal(20.0, new EdgeSnapper(Pauses, 25).Snap(19).Time, 6);
    }

    [Fact]
    public void Equally_near_pauses_go_to_the_earlier()
    {
        PauseSpan[] pauses = [new(2, 3, PauseSpan.Quiet), new(5, 6, PauseSpan.Quiet)];

        Assert.Equal(3, new EdgeSnapper(pauses, null).Snap(4).Time, 6);
    }

    [Fact]
    public void Without_a_transcript_an_edge_only_goes_onto_a_frame()
    {
        var (time, where) = new EdgeSnapper([], 30).Snap(7.01);

        Assert.Equal(7.0, time, 6);
        Assert.Equal("on a frame (no transcript)", where);
    }
}
