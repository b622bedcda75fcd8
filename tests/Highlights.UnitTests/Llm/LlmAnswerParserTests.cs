using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Chunks;

namespace Highlights.UnitTests.Llm;

public sealed class LlmAnswerParserTests
{
    /// <summary>A chunk from 10:00.4 to 14:59.5.</summary>
    private static readonly TranscriptChunk Chunk = new(2, 100, 160, 600.4, 899.5, "[10:00] ...", 500);

    private static string Answer(string start = "10:30", string end = "10:45", int score = 80) =>
        $$"""{"candidates":[{"start":"{{start}}","end":"{{end}}","title":"T","hook":"H","reason":"R","score":{{score}},"quote":"Q"}]}""";

    [Fact]
    public void A_valid_answer_yields_its_candidates_with_times_in_seconds()
    {
        var check = LlmAnswerParser.Check(Answer(), Chunk);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(new RawCandidate(630, 645, "T", "H", "R", 80, "Q"), Assert.Single(check.Candidates!));
    }

    [Fact]
    public void The_chunks_own_first_marker_is_inside_even_though_the_chunk_starts_a_fraction_later()
    {
        Assert.True(LlmAnswerParser.Check(Answer(start: "10:00"), Chunk).IsValid);
    }

    [Fact]
    public void An_answer_wrapped_in_a_markdown_fence_is_read()
    {
        Assert.True(LlmAnswerParser.Check("```json\n" + Answer() + "\n```", Chunk).IsValid);
    }

    [Fact]
    public void No_candidates_is_a_valid_answer()
    {
        Assert.Empty(LlmAnswerParser.Check("""{"candidates":[]}""", Chunk).Candidates!);
    }

    [Theory]
    [InlineData("Here you go: the best bit is at 10:30", "it is not valid JSON")]
    [InlineData("", "it is not valid JSON")]
    [InlineData("""{"highlights":[]}""", "exactly one property, \"candidates\"")]
    [InlineData("""{"candidates":[1]}""", "candidate 1 is not an object")]
    [InlineData("""{"candidates":[{"start":"10:30","end":"10:45"}]}""", "(missing title, hook, reason, score, quote)")]
    public void A_malformed_answer_is_described_for_the_repair_request(string content, string expected)
    {
        var check = LlmAnswerParser.Check(content, Chunk);

        Assert.False(check.IsValid);
        Assert.Contains(expected, check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("59:00", "10:45", 80, "candidate 1: start 59:00 is outside this part (10:00-14:59)")]
    [InlineData("09:59", "10:45", 80, "start 09:59 is outside this part")]
    [InlineData("10:45", "10:30", 80, "end 10:30 is not after start 10:45")]
    [InlineData("10:30", "10:45", 101, "score must be a whole number from 0 to 100")]
    [InlineData("10:3", "10:45", 80, "start must be a \"mm:ss\" marker, not \"10:3\"")]
    public void Times_outside_the_chunk_and_out_of_range_values_are_problems(string start, string end, int score, string expected)
    {
        var check = LlmAnswerParser.Check(Answer(start, end, score), Chunk);

        Assert.False(check.IsValid);
        Assert.Contains(expected, check.Problem, StringComparison.Ordinal);
    }
}
