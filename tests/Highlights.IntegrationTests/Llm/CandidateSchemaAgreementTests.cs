using System.Text.Json.Nodes;
using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Processes;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Llm;

/// <summary>
/// The answer parser implements docs/llm-candidates.schema.json by hand; ajv, a real JSON Schema validator, must
/// agree with it on every answer here, valid or not.
/// </summary>
public sealed class CandidateSchemaAgreementTests : IDisposable
{
    private const string Good = """{"start":"01:05","end":"01:20","title":"A title","hook":"A hook","reason":"A reason","score":70,"quote":"words"}""";

    private static readonly TranscriptChunk WholeHour = new(0, 0, 0, 0, 3600, string.Empty, 0);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("highlights-schema-");

    public void Dispose() => folder.Delete(recursive: true);

    public static TheoryData<string> Answers() =>
    [
        $$"""{"candidates":[{{Good}}]}""",
        """{"candidates":[]}""",
        $$"""{"candidates":[{{Good}},{{Good}}]}""",
        $$"""{"candidates":[{{Good.Replace(",\"quote\":\"words\"", string.Empty, StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("}", ",\"mood\":\"happy\"}", StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("70", "101", StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("70", "50.5", StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("\"01:05\"", "\"1:5\"", StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("\"01:05\"", "\"00:65\"", StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("\"01:05\"", "65", StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("A title", string.Empty, StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good.Replace("words", new string('w', 401), StringComparison.Ordinal)}}]}""",
        $$"""{"candidates":[{{Good}}],"comment":"extra"}""",
        $$"""{"candidates":[{{string.Join(",", Enumerable.Repeat(Good, 11))}}]}""",
        """{"candidates":{}}""",
        """[]""",
    ];

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_parser_and_the_published_schema_agree(string answer)
    {
        var path = Path.Combine(folder.FullName, "answer.json");
        await File.WriteAllTextAsync(path, answer);

        var parser = LlmAnswerParser.Check(answer, WholeHour).IsValid;
        var schema = await AjvAcceptsAsync(path);

        Assert.Equal(schema, parser);
    }

    [Fact]
    public void The_schema_sent_to_providers_keeps_the_shape_and_drops_every_constraint()
    {
        var sent = JsonNode.Parse(CandidateSchema.ForProvider.SchemaJson)!;
        var text = sent.ToJsonString();

        foreach (var keyword in new[] { "pattern", "minimum", "maximum", "minLength", "maxLength", "maxItems", "$schema" })
        {
            Assert.DoesNotContain($"\"{keyword}\"", text, StringComparison.Ordinal);
        }

        var item = sent["properties"]!["candidates"]!["items"]!;
        Assert.False(item["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(
            item["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal),
            item["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private static async Task<bool> AjvAcceptsAsync(string path)
    {
        var command = ProcessCommand.Of(
            "node", Path.Combine(RepoPaths.Root, "scripts", "validate-json.mjs"), Path.Combine(RepoPaths.Root, "docs", "llm-candidates.schema.json"), path);
        try
        {
            await ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None);
            return true;
        }
        catch (ProcessFailedException)
        {
            return false;
        }
    }
}
