using Highlights.Grains.Captions;
using Highlights.Grains.Transcription;

namespace Highlights.UnitTests.Transcription;

public sealed class WindowStitcherTests
{
    [Fact]
    public void Words_are_shifted_to_source_time_and_kept_by_the_window_owning_their_midpoint()
    {
        // Window fed from 4 s, owning [5, 10): "early" (4.2-4.6) is the previous window's, "late" (9.8-10.6, midpoint 10.2) the next one's.
        var heard = new Cue(0.2, 6.6, "early kept also late", Words(("early", 0.2, 0.6), ("kept", 1.5, 2), ("also", 5, 5.5), ("late", 5.8, 6.6)), 0.1);

        var kept = Assert.Single(WindowStitcher.Keep([heard], feedStart: 4, ownStart: 5, ownEnd: 10));

        Assert.Equal("kept also", kept.Text);
        Assert.Equal((5.5, 9.5), (kept.Start, kept.End));
        Assert.Equal(["kept", "also"], kept.Words!.Select(w => w.Text));
        Assert.Equal(0.1, kept.NoSpeechProbability);
    }

    [Fact]
    public void A_cue_whose_words_all_belong_to_the_window_keeps_its_own_text()
    {
        var heard = new Cue(1, 2, "Hello, world.", Words(("Hello,", 1, 1.4), ("world.", 1.5, 2)));

        var kept = Assert.Single(WindowStitcher.Keep([heard], feedStart: 10, ownStart: 10, ownEnd: 20));

        Assert.Equal("Hello, world.", kept.Text);
        Assert.Equal((11.0, 12.0), (kept.Start, kept.End));
    }

    [Fact]
    public void A_cue_without_word_times_is_kept_whole_by_its_midpoint()
    {
        Cue[] heard = [new(0, 1.5, "before"), new(2, 4, "inside"), new(5.5, 7, "after")];

        var kept = WindowStitcher.Keep(heard, feedStart: 4, ownStart: 5, ownEnd: 10);

        Assert.Equal(["inside"], kept.Select(c => c.Text));
    }

    [Fact]
    public void The_first_and_last_windows_own_everything_before_and_after_them()
    {
        Cue[] heard = [new(0, 0.2, "first"), new(9.9, 10, "last")];

        Assert.Equal(2, WindowStitcher.Keep(heard, 0, double.NegativeInfinity, double.PositiveInfinity).Count);
    }

    [Fact]
    public void Stitching_windows_heard_by_a_perfect_recogniser_gives_every_word_exactly_once()
    {
        // A recogniser that hears whole words exactly and garbles words cut by the edge of what it was fed.
        var random = new Random(7);
        var words = new List<Word>();
        for (var t = 0.3; t < 95;)
        {
            var length = 0.1 + (random.NextDouble() * 1.4);
            words.Add(new Word(Math.Round(t, 3), Math.Round(t + length, 3), $"w{words.Count}", 0.9));
            t += length + (random.NextDouble() * 0.5);
        }

        const int rate = 16_000;
        var windows = TranscriptionWindows.Plan(100 * rate, rate, windowSeconds: 7, overlapSeconds: 2);
        var stitched = new List<Cue>();
        foreach (var window in windows)
        {
            var (feedStart, feedEnd) = (window.FeedStart / (double)rate, window.FeedEnd / (double)rate);
            var heard = words
                .Where(w => w.End > feedStart && w.Start < feedEnd)
                .Select(w => w.Start >= feedStart && w.End <= feedEnd
                    ? w with { Start = w.Start - feedStart, End = w.End - feedStart }
                    : new Word(Math.Max(w.Start, feedStart) - feedStart, Math.Min(w.End, feedEnd) - feedStart, "garbled", 0.2))
                .Chunk(4)
                .Select(chunk => new Cue(chunk[0].Start, chunk[^1].End, string.Join(' ', chunk.Select(w => w.Text)), chunk))
                .ToList();
            stitched.AddRange(WindowStitcher.Keep(
                heard,
                feedStart,
                window.Index == 0 ? double.NegativeInfinity : window.OwnStart / (double)rate,
                window.Index == windows.Count - 1 ? double.PositiveInfinity : window.OwnEnd / (double)rate));
        }

        var result = stitched.SelectMany(c => c.Words!).ToList();
        Assert.Equal(words.Select(w => w.Text), result.Select(w => w.Text));
        Assert.All(words.Zip(result), pair => Assert.Equal(pair.First.Start, pair.Second.Start, 6));
    }

    private static Word[] Words(params (string Text, double Start, double End)[] words) =>
        [.. words.Select(w => new Word(w.Start, w.End, w.Text, 0.9))];
}
