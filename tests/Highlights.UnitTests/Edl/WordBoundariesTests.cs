using Highlights.Grains.Captions;
using Highlights.Grains.Edl;

namespace Highlights.UnitTests.Edl;

public sealed class WordBoundariesTests
{
    // Edges on the grid of a 10 fps source, so only the word decides where a cut goes.
    private static readonly WordBoundaries Words = new(
        [new Word(1.0, 1.4, "hello", 0.9), new Word(1.5, 2.1, "world", 0.9), new Word(2.1, 2.5, "again", 0.9)], new FrameGrid(10));

    [Theory]
    [InlineData(1.1, 1.0)]
    [InlineData(1.3, 1.4)]
    [InlineData(1.2, 1.0)]
    [InlineData(2.0, 2.1)]
    [InlineData(2.2, 2.1)]
    public void A_time_inside_a_word_moves_to_its_nearer_edge_the_start_on_a_tie(double inside, double edge)
    {
        Assert.Equal(edge, Words.Snap(inside), 9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.4)]
    [InlineData(1.45)]
    [InlineData(2.1)]
    [InlineData(3.0)]
    public void A_time_between_words_or_on_an_edge_stays(double outside)
    {
        Assert.Equal(outside, Words.Snap(outside));
    }

    [Fact]
    public void A_transcript_of_captions_without_word_times_moves_nothing()
    {
        var captions = new Transcript(TranscriptSource.Sidecar, "talk.srt", [new Cue(0, 10, "all of it")], 0, null);

        Assert.Equal(4.321, WordBoundaries.Of(captions, new FrameGrid(25)).Snap(4.321));
        Assert.Equal(4.321, WordBoundaries.Of(null, new FrameGrid(25)).Snap(4.321));
    }

    [Fact]
    public void An_edge_between_frames_is_taken_on_the_frame_outside_the_word()
    {
        var words = new WordBoundaries([new Word(9.9, 10.3, "moment", 0.9)], new FrameGrid(25));

        Assert.Equal(9.88, words.Snap(10.0), 9);
        Assert.Equal(10.32, words.Snap(10.2), 9);
    }

    [Fact]
    public void A_segment_keeps_both_its_cuts_out_of_words()
    {
        var segment = new EdlSegment("s001", 1.1, 2.4, 0, 0, 0, [], string.Empty);

        Assert.Equal((1.0, 2.5), (Words.Snap(segment).Start, Words.Snap(segment).End));
    }
}
