using System.Globalization;
using Highlights.Cli.Demo;
using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Processes;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Llm;

/// <summary>The token estimate against OpenAI's real o200k tokenizer (js-tiktoken, installed by scripts/setup.sh): it must err high.</summary>
public sealed class TokenEstimateTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("highlights-tokens-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Every_chunk_of_a_long_talk_is_estimated_at_or_above_its_real_token_count()
    {
        var lines = DemoScript.Load();
        var cues = Enumerable.Range(0, 400).Select(i => new Cue(i * 4.5, (i * 4.5) + 4, lines[i % lines.Count].Text)).ToList();
        var chunks = TranscriptChunker.Split(cues, chunkTokens: 3000, overlapTokens: 300);

        var real = await CountAsync(chunks.Select(c => c.Text));

        Assert.True(chunks.Count > 2);
        Assert.All(chunks.Zip(real), pair => Assert.True(pair.First.EstimatedTokens >= pair.Second, $"chunk {pair.First.Index}: estimated {pair.First.EstimatedTokens}, o200k {pair.Second}"));
    }

    [Theory]
    [InlineData("Photosynthesis, mitochondria and deoxyribonucleic acid were on the exam.")]
    [InlineData("The GDP grew 3.14159% in Q3 2024, about $1,234,567,890 in total.")]
    [InlineData("Ça va? Je m'appelle François, j'habite à Besançon près de la Suisse.")]
    [InlineData("Москва — столица России, и там очень холодно зимой.")]
    [InlineData("東京は日本の首都です。今日はとても暑いですね。")]
    [InlineData("lol omg!!! 😂😂 that was sooo funny, wtf haha #winning @everyone")]
    [InlineData("\"Well,\" she said, \"it's--um--complicated; isn't it?\" (laughs) [applause]")]
    [InlineData("[12:07] And never, ever forget to celebrate the wins with your team, that is the secret.")]
    public async Task Varied_text_is_estimated_at_or_above_its_real_token_count(string text)
    {
        var real = (await CountAsync([text]))[0];

        Assert.True(TokenEstimator.Estimate(text) >= real, $"estimated {TokenEstimator.Estimate(text)}, o200k {real}");
    }

    private async Task<int[]> CountAsync(IEnumerable<string> texts)
    {
        var files = texts.Select((text, i) =>
        {
            var path = Path.Combine(folder.FullName, $"{i}.txt");
            File.WriteAllText(path, text);
            return path;
        }).ToList();
        var result = await ProcessRunner.RunAsync(
            ProcessCommand.Of("node", [Path.Combine(RepoPaths.Root, "scripts", "count-tokens.mjs"), .. files]),
            new ProcessRunOptions { CaptureOutput = true },
            CancellationToken.None);
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l.Split(' ')[0], CultureInfo.InvariantCulture))];
    }
}
