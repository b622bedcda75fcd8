using Highlights.Grains.Llm;

namespace Highlights.UnitTests.Llm;

/// <summary>The rules themselves; tests/Highlights.IntegrationTests/Llm/TokenEstimateTests checks them against the real o200k tokenizer.</summary>
public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("the cat", 2)]
    [InlineData("extraordinary", 4)]
    [InlineData("1234567", 3)]
    [InlineData("[12:07]", 5)]
    [InlineData("a, b.\n", 5)]
    [InlineData("été", 3)]
    [InlineData("😂", 4)]
    public void Counts_by_letters_digits_punctuation_and_utf8_length(string text, int expected)
    {
        Assert.Equal(expected, TokenEstimator.Estimate(text));
    }

    [Fact]
    public void A_request_counts_its_message_framing_and_its_response_schema()
    {
        var messages = new List<LlmMessage> { new(LlmRole.System, "be brief"), new(LlmRole.User, "hello there") };
        var plain = new LlmRequest("m", messages, 100, null);
        var schema = new LlmRequest("m", messages, 100, new LlmResponseSchema("s", """{"type":"object"}"""));

        Assert.Equal(TokenEstimator.PerRequest + (2 * TokenEstimator.PerMessage) + 3 + 4, TokenEstimator.Estimate(plain));
        Assert.Equal(TokenEstimator.Estimate(plain) + TokenEstimator.Estimate("""{"type":"object"}"""), TokenEstimator.Estimate(schema));
    }
}
