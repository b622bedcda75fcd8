using Highlights.Grains.Edl;
using Highlights.Grains.Render.Captions;

namespace Highlights.UnitTests.Render.Captions;

public sealed class CaptionTimingTests
{
    [Fact]
    public void Without_word_times_a_cue_is_shared_out_by_word_length()
    {
        var words = WordTiming.Of(new EdlCue(10, 12, "a bbb"));

        Assert.Equal(["a", "bbb"], words.Select(w => w.Text));
        Assert.Equal((10, 10.67), (words[0].Start, Math.Round(words[0].End, 2)));
        Assert.Equal((10.67, 12), (Math.Round(words[1].Start, 2), words[1].End));
    }

    [Fact]
    public void Recognised_word_times_are_used_as_they_are()
    {
        var words = WordTiming.Of(new EdlCue(10, 12, "ask not", [new(10.2, 10.5, " ask"), new(10.9, 11.3, "not")]));

        Assert.Equal([(10.2, 10.5, "ask"), (10.9, 11.3, "not")], words.Select(w => (w.Start, w.End, w.Text)));
    }

    [Fact]
    public void Lines_close_before_they_grow_too_long_and_at_pauses()
    {
        CaptionWord W(double start, string text) => new(start, start + 0.3, text);
        var words = new[] { W(0, "one"), W(0.3, "two"), W(0.6, "three"), W(0.9, "four"), W(3, "five") };

        var lines = CaptionLines.Group(words, maxCharacters: 12);

        Assert.Equal([["one", "two"], ["three", "four"], ["five"]], lines.Select(l => l.Select(w => w.Text).ToArray()));
    }
}
