using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class WordPausesTests
{
    /// <summary>RMS per 100 ms: speech at −20 dBFS, silent (−90) in the given spans.</summary>
    private static EnergySeries Rms(double seconds, params (double Start, double End)[] silent)
    {
        var rms = Enumerable.Range(0, (int)Math.Round(seconds * 10))
            .Select(i => silent.Any(s => i * 0.1 >= s.Start - 1e-9 && i * 0.1 < s.End - 1e-9) ? -90f : -20f)
            .ToArray();
        return new EnergySeries(true, 0.1, rms, rms, new float[rms.Length]);
    }

    [Fact]
    public void Without_a_transcript_there_are_no_pauses()
    {
        Assert.Empty(WordPauses.Find([], Rms(10, (2, 3)), 10));
    }

    [Fact]
    public void Gaps_between_cues_are_pauses_and_so_is_a_boundary_where_cues_touch()
    {
        Cue[] cues = [new(1, 4, "a"), new(4, 6, "b"), new(7, 9, "c")];

        var pauses = WordPauses.Find(cues, EnergySeries.None, 10);

        Assert.Equal([(0.0, 1.0), (4.0, 4.0), (6.0, 7.0), (9.0, 10.0)], pauses.Select(p => (p.Start, p.End)));
        Assert.All(pauses, p => Assert.Equal(PauseSpan.BetweenCues, p.Kind));
    }

    [Fact]
    public void Overlapping_cues_leave_no_gap_while_any_of_them_is_still_on()
    {
        Cue[] cues = [new(0, 8, "long"), new(2, 4, "short"), new(5, 7, "inside the long one"), new(9, 10, "after")];

        var pauses = WordPauses.Find(cues, EnergySeries.None, 10);

        Assert.Equal([(0.0, 0.0), (8.0, 9.0), (10.0, 10.0)], pauses.Select(p => (p.Start, p.End)));
    }

    [Fact]
    public void Inside_a_caption_cue_silent_runs_of_two_windows_are_pauses_and_one_window_is_not()
    {
        Cue[] cues = [new(0, 10, "a long even caption")];

        var pauses = WordPauses.Find(cues, Rms(10, (3, 3.3), (6, 6.1)), 10);

        var inside = Assert.Single(pauses, p => p.Kind == PauseSpan.Quiet);
        Assert.Equal(3, inside.Start, 6);
        Assert.Equal(3.3, inside.End, 6);
    }

    [Fact]
    public void Recognised_words_give_their_gaps_and_the_audio_is_not_consulted()
    {
        Word[] words = [new(0, 0.5, "one", 1), new(0.7, 1.2, "two", 1), new(1.2, 2, "three", 1)];
        Cue[] cues = [new(0, 2, "one two three", words)];

        var pauses = WordPauses.Find(cues, Rms(3, (1.5, 1.9)), 3);

        Assert.Equal([(0.5, 0.7), (1.2, 1.2)], pauses.Where(p => p.Kind == PauseSpan.BetweenWords).Select(p => (p.Start, p.End)));
        Assert.DoesNotContain(pauses, p => p.Kind == PauseSpan.Quiet);
    }

    [Fact]
    public void The_speech_level_is_the_loud_end_of_the_video_so_a_talk_mostly_in_pauses_still_has_words()
    {
        // 70 % of the windows silent: a median reference would call the speech itself quiet.
        var rms = Rms(10, (0, 7));

        var runs = WordPauses.QuietRuns(rms);

        Assert.Equal([(0.0, 7.0)], runs.Select(r => (Math.Round(r.Start, 6), Math.Round(r.End, 6))));
    }
}
