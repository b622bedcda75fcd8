using Highlights.Silo.Transcription;
using Whisper.net;

namespace Highlights.UnitTests.Whisper;

public sealed class SegmentToCueTests
{
    private const int EndOfText = 50256;

    [Fact]
    public void Control_and_timestamp_tokens_make_no_words_and_token_times_become_seconds()
    {
        var segment = Segment(" Ask not", 0, 1.5, Token(50363, "[_BEG_]", 0, 0), Token(2, " Ask", 10, 60), Token(3, " not", 60, 120), Token(50300, "[_TT_75]", 150, 150));

        var cue = WhisperTranscriptionSession.ToCue(segment, EndOfText, 11)!;

        Assert.Equal("Ask not", cue.Text);
        Assert.Equal([("Ask", 0.1, 0.6), ("not", 0.6, 1.2)], cue.Words!.Select(w => (w.Text, w.Start, w.End)));
        Assert.Equal(0.0123, cue.NoSpeechProbability);
    }

    [Fact]
    public void A_segment_running_past_the_audio_ends_with_it()
    {
        var cue = WhisperTranscriptionSession.ToCue(Segment(" late", 4, 30, Token(5, " late", 400, 3000)), EndOfText, 5)!;

        Assert.Equal((4.0, 5.0), (cue.Start, cue.End));
        Assert.Equal((4.0, 5.0), (cue.Words![0].Start, cue.Words[0].End));
    }

    [Fact]
    public void A_segment_of_whitespace_is_no_cue()
    {
        Assert.Null(WhisperTranscriptionSession.ToCue(Segment("  ", 0, 1), EndOfText, 5));
    }

    private static SegmentData Segment(string text, double start, double end, params WhisperToken[] tokens) =>
        new(text, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), 0, 1, 0.5f, 0.012345f, "en", tokens);

    private static WhisperToken Token(int id, string text, long start, long end) =>
        new() { Id = id, Text = text, Start = start, End = end, Probability = 0.5f };
}
