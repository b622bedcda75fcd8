using Highlights.Grains.Captions;
using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class SignalWindowsTests
{
    private static readonly Cue[] Cues = [new(0, 10, "a long calm caption"), new(10, 20, "another long caption"), new(20, 30, "and one more")];

    /// <summary>Pauses every second, 0.2 s long, from 0.4 s on: a talk with a breath between every few words.</summary>
    private static readonly PauseSpan[] Pauses = [.. Enumerable.Range(0, 30).Select(i => new PauseSpan(i + 0.4, i + 0.6, PauseSpan.Quiet))];

    private static SignalMoment Moment(double rise, string riseSource, double fall, string fallSource) =>
        new([new SignalEdge(rise, riseSource, true)], [new SignalEdge(fall, fallSource, false)]);

    [Fact]
    public void A_moment_becomes_a_window_from_its_rise_to_its_fall_with_each_edge_in_a_pause_and_on_a_frame()
    {
        var window = Assert.Single(SignalWindows.From(
            [Moment(12.3, "audio excitement", 18.2, "visual reaction")], new EdgeSnapper(Pauses, 25), Cues, 30, 4, 20));

        Assert.Equal(12.4, window.Start, 6);
        Assert.Equal(18.4, window.End, 6);
        Assert.Equal("audio excitement rise at 12.3 s, snapped to 12.40 s, quiet pause in the speech", window.StartFrom);
        Assert.Equal("visual reaction fall at 18.2 s, snapped to 18.40 s, quiet pause in the speech", window.EndFrom);
        Assert.Equal("another long caption", window.Text);
    }

    [Fact]
    public void Every_rise_pairs_with_every_later_fall()
    {
        var moment = new SignalMoment(
            [new SignalEdge(12.5, "audio excitement", true), new SignalEdge(13.5, "visual reaction", true)],
            [new SignalEdge(18.5, "audio excitement", false), new SignalEdge(19.5, "visual reaction", false)]);

        var windows = SignalWindows.From([moment], new EdgeSnapper(Pauses, null), Cues, 30, 4, 20);

        Assert.Equal([(12.5, 18.5), (12.5, 19.5), (13.5, 18.5), (13.5, 19.5)], windows.Select(w => (w.Start, w.End)));
    }

    [Fact]
    public void A_brief_moment_is_widened_evenly_to_the_shortest_clip_and_says_so()
    {
        var window = Assert.Single(SignalWindows.From([Moment(15, "audio excitement", 16, "audio excitement")], new EdgeSnapper(Pauses, null), Cues, 30, 4, 20));

        Assert.Equal((13.5, 17.5), (window.Start, window.End));
        Assert.Contains("widened to the 4 s shortest clip", window.StartFrom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moment_longer_than_the_longest_clip_is_left_to_the_cue_runs()
    {
        Assert.Empty(SignalWindows.From([Moment(2, "audio excitement", 27, "audio excitement")], new EdgeSnapper(Pauses, null), Cues, 30, 4, 20));
    }

    [Theory]
    [InlineData(1, 2, 0, 4)]
    [InlineData(29, 29.5, 26, 30)]
    [InlineData(10, 20, 10, 20)]
    public void Widening_stays_inside_the_video(double start, double end, double expectedStart, double expectedEnd)
    {
        var (s, e, _) = SignalWindows.Widen(start, end, 4, 30);

        Assert.Equal((expectedStart, expectedEnd), (s, e));
    }

    [Fact]
    public void A_windows_text_is_its_cues_cut_at_the_limit()
    {
        Cue[] dense = [.. Enumerable.Range(0, 1000).Select(i => new Cue(i * 0.01, 5, $"cue{i}"))];

        Assert.Equal("another long caption", SignalWindows.TextOver(Cues, 12, 18, 800));
        Assert.Equal("a long calm caption another long caption", SignalWindows.TextOver(Cues, 9, 11, 800));
        Assert.Equal(40, SignalWindows.TextOver(dense, 0, 5, 40).Length);
    }
}
