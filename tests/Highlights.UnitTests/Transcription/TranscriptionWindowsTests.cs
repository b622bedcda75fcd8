using Highlights.Grains.Transcription;

namespace Highlights.UnitTests.Transcription;

public sealed class TranscriptionWindowsTests
{
    private const int Rate = 16_000;

    [Fact]
    public void Owned_spans_tile_the_audio_end_to_end_and_the_last_one_is_short()
    {
        var windows = TranscriptionWindows.Plan(12 * Rate, Rate, windowSeconds: 5, overlapSeconds: 1);

        Assert.Equal([(0L, 5L * Rate), (5L * Rate, 10L * Rate), (10L * Rate, 12L * Rate)], windows.Select(w => (w.OwnStart, w.OwnEnd)));
        Assert.Equal([0, 1, 2], windows.Select(w => w.Index));
    }

    [Fact]
    public void Whisper_hears_each_window_with_the_overlap_on_both_sides_clipped_to_the_audio()
    {
        var windows = TranscriptionWindows.Plan(12 * Rate, Rate, windowSeconds: 5, overlapSeconds: 1);

        Assert.Equal([(0L, 6L * Rate), (4L * Rate, 11L * Rate), (9L * Rate, 12L * Rate)], windows.Select(w => (w.FeedStart, w.FeedEnd)));
        Assert.Equal(7 * Rate, windows[1].FeedLength);
    }

    [Fact]
    public void Audio_shorter_than_a_window_is_one_window()
    {
        var window = Assert.Single(TranscriptionWindows.Plan(3 * Rate, Rate, windowSeconds: 600, overlapSeconds: 5));

        Assert.Equal((0L, 3L * Rate, 0L, 3L * Rate), (window.OwnStart, window.OwnEnd, window.FeedStart, window.FeedEnd));
    }

    [Fact]
    public void No_audio_is_no_windows()
    {
        Assert.Empty(TranscriptionWindows.Plan(0, Rate, windowSeconds: 600, overlapSeconds: 5));
    }
}
