using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;
using Highlights.Silo.Api;

namespace Highlights.UnitTests.Studio;

/// <summary>What the studio plots and snaps to: the signal series (with the LLM's score laid over its picks) and the transcript's words.</summary>
public sealed class ReviewViewsTests
{
    [Fact]
    public void The_llm_series_holds_each_picks_score_over_the_steps_it_covers_and_the_higher_where_two_meet()
    {
        var signals = Signals(steps: 8, step: 0.5);
        var selection = new SelectionResult("llm", "1", [
            Segment(0.5, 1.5, Pick(0.5, 1.5, 80)),
            Segment(1.2, 2.0, Pick(1.2, 2.0, 40)),
            Segment(3.0, 3.5, pick: null),
        ], []);

        var view = ReviewSignals.From(signals, selection);

        Assert.Equal([0f, 0.8f, 0.8f, 0.4f, 0f, 0f, 0f, 0f], view.LlmScore!);
        Assert.Same(signals.Series.AudioExcitement, view.AudioExcitement);
        Assert.Same(signals.Series.VisualReaction, view.VisualReaction);
        Assert.Equal(0.5, view.Step);
    }

    [Fact]
    public void Without_an_llm_pick_there_is_no_llm_series()
    {
        var selection = new SelectionResult("offline", "1", [Segment(0, 1, pick: null)], []);

        Assert.Null(ReviewSignals.From(Signals(4, 0.5), selection).LlmScore);
        Assert.Null(ReviewSignals.From(Signals(4, 0.5), null).LlmScore);
    }

    [Fact]
    public void A_pick_past_the_last_step_is_cut_at_the_end_of_the_series()
    {
        var selection = new SelectionResult("llm", "1", [Segment(1.5, 9, Pick(1.5, 9, 50))], []);

        Assert.Equal([0f, 0f, 0f, 0.5f], ReviewSignals.From(Signals(4, 0.5), selection).LlmScore!);
    }

    [Fact]
    public void The_transcript_keeps_cue_times_and_the_words_of_recognised_speech_only()
    {
        var transcript = new Transcript(TranscriptSource.Whisper, "whisper base.en", [
            new Cue(1, 2, "hello there", [new Word(1, 1.4, "hello", 0.9), new Word(1.5, 2, "there", 0.8)]),
            new Cue(3, 4, "a caption"),
        ], 0, null);

        var view = ReviewTranscript.From(transcript);

        Assert.Equal("whisper", view.Source);
        Assert.Equal([new ReviewWord(1, 1.4, "hello"), new ReviewWord(1.5, 2, "there")], view.Cues[0].Words);
        Assert.Null(view.Cues[1].Words);
        Assert.Equal((3.0, 4.0, "a caption"), (view.Cues[1].Start, view.Cues[1].End, view.Cues[1].Text));
    }

    private static SignalsDocument Signals(int steps, double step)
    {
        var series = new SignalSeries(
            new float[steps], Enumerable.Range(0, steps).Select(i => i / (float)steps).ToArray(), null, new float[steps], new float[steps],
            new float[steps], new float[steps], new float[steps], Enumerable.Repeat(0.5f, steps).ToArray());
        return new SignalsDocument(1, "v", steps * step, step, steps, new SignalInputs(true, false, 10, 25, 2, 320, 240), series, new SignalScales(1, 1, 1, 1, 1), []);
    }

    private static SelectedSegment Segment(double start, double end, LlmPick? pick) => new(start, end, 0.5, ["why"], "text", Pick: pick);

    private static LlmPick Pick(double start, double end, int score) => new(0, start, end, "title", "hook", "reason", score, "quote");
}
