using Highlights.Silo.Transcription;

namespace Highlights.UnitTests.Whisper;

public sealed class WordAssemblerTests
{
    [Fact]
    public void A_token_starting_with_a_space_begins_a_word_and_the_others_continue_it()
    {
        var words = WordAssembler.Assemble([Token(" And", 0, 0.3, 0.9f), Token(" so", 0.3, 0.5, 0.8f), Token(",", 0.5, 0.55, 0.6f), Token(" my", 0.6, 0.8, 1f)], "And so, my", 0, 1);

        Assert.Equal(["And", "so,", "my"], words.Select(w => w.Text));
        Assert.Equal((0.3, 0.55), (words[1].Start, words[1].End));
        Assert.Equal(0.7, words[1].Probability, 3);
    }

    [Fact]
    public void A_character_split_across_two_tokens_takes_its_spelling_from_the_segment_text()
    {
        // Each half of "é" decodes alone to a replacement character; the segment's text was decoded whole.
        var words = WordAssembler.Assemble([Token(" caf\uFFFD", 0, 0.2, 0.9f), Token("\uFFFD", 0.2, 0.4, 0.9f), Token(" au", 0.4, 0.5, 1f)], " café au", 0, 1);

        Assert.Equal(["café", "au"], words.Select(w => w.Text));
    }

    [Fact]
    public void Tokens_are_the_spelling_when_the_segment_text_splits_differently()
    {
        var words = WordAssembler.Assemble([Token(" one", 0, 0.2, 1f), Token(" two", 0.2, 0.4, 1f)], "one two three", 0, 1);

        Assert.Equal(["one", "two"], words.Select(w => w.Text));
    }

    [Fact]
    public void Word_times_are_kept_inside_their_segment()
    {
        var words = WordAssembler.Assemble([Token(" early", -0.5, 0.2, 1f), Token(" late", 2.9, 3.4, 1f)], "early late", 0, 3);

        Assert.Equal([(0.0, 0.2), (2.9, 3.0)], words.Select(w => (w.Start, w.End)));
    }

    [Fact]
    public void Whitespace_only_tokens_make_no_word()
    {
        Assert.Empty(WordAssembler.Assemble([Token(" ", 0, 0.1, 1f)], " ", 0, 1));
    }

    private static TokenPiece Token(string text, double start, double end, float p) => new(text, start, end, p);
}
