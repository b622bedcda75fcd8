using System.Text.Json;
using Highlights.Client.Contracts;
using Highlights.Silo.Api;

namespace Highlights.UnitTests.Cluster;

public sealed class SubmitJsonErrorsTests
{
    [Theory]
    [InlineData("""{"source": "/a", "colour": 1}""", "unknown field 'colour'")]
    [InlineData("""{"targetDuration": 5}""", "missing field 'source'")]
    [InlineData("""{"source": "/a", "targetDuration": "10"}""", "field 'targetDuration' must be a JSON number")]
    [InlineData("""{"source": "/a", "toneMap": 2}""", "field 'toneMap' must be true or false")]
    [InlineData("""{"source": "/a",""", "not valid JSON")]
    public void A_serializer_error_becomes_the_field_and_what_it_should_hold(string json, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SubmitVideoRequest>(json, VideosApi.StrictJson));

        var described = SubmitJsonErrors.Describe(error);

        Assert.StartsWith(expected, described, StringComparison.Ordinal);
        Assert.DoesNotContain("Highlights.", described, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", described, StringComparison.Ordinal);
    }
}
