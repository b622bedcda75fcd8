using System.CommandLine;
using System.Globalization;
using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Llm.Prompts;
using Highlights.Grains.Selection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Highlights.Cli.Commands;

/// <summary>
/// <c>highlights llm-estimate CAPTIONS</c>: what LLM selection of this transcript would send and cost, with no call made.
/// <c>--dump DIR</c> writes each chunk's request text, for counting with a real tokenizer (bench/llm-tokens.sh).
/// </summary>
public static class LlmEstimateCommand
{
    public static Command Create()
    {
        var captions = new Argument<string>("captions") { Description = "Caption file (.srt or .vtt) standing in for the transcript" };
        var model = new Option<string?>("--llm-model") { Description = "Model whose prices to use (default Llm:Model)" };
        var dump = new Option<string?>("--dump") { Description = "Folder to write each chunk's request text (chunk-NNN.txt) and the response schema to" };
        var command = new Command("llm-estimate", "Show how a transcript would be chunked for the LLM, how many tokens it sends and what that costs; no call is made")
        {
            captions, model, dump,
        };
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            verbose: false,
            async (services, ct) =>
            {
                var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
                var files = services.GetRequiredService<LlmFiles>();
                var path = parse.GetValue(captions)!;
                var document = await CaptionParser.ParseFileAsync(path, new CaptionLimits(), ct);
                var modelName = parse.GetValue(model) ?? options.Model;
                var price = PriceTableFile.Load(files.PriceTablePath).For(modelName);
                var prompts = new ChunkPrompts(PromptSetFile.Load(files.PromptsDirectory), options, services.GetRequiredService<OfflineSelectorSettings>());
                var estimate = await LlmCostEstimate.ForAsync(document.Cues, Path.GetFileNameWithoutExtension(path), modelName, price, prompts, options);
                if (parse.GetValue(dump) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                    if (options.StructuredOutputs)
                    {
                        await File.WriteAllTextAsync(Path.Combine(folder, "response-schema.json"), CandidateSchema.ForProvider.SchemaJson, ct);
                    }

                    foreach (var chunk in estimate.Chunks)
                    {
                        await File.WriteAllTextAsync(Path.Combine(folder, $"chunk-{chunk.Chunk.Index + 1:000}.txt"), string.Join("\n", chunk.Messages.Select(m => m.Content)), ct);
                    }
                }

                Print(estimate, document.Cues, modelName, price, options);
                var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                var spent = await services.GetRequiredService<ICostLedger>().SpentOnAsync(today, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"spent today:       ${spent:0.0000} of the ${options.DailyBudgetUsd:0.00} daily budget (UTC {today:yyyy-MM-dd})"));
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    private static void Print(LlmCostEstimate estimate, IReadOnlyList<Cue> cues, string model, ModelPrice price, LlmOptions options)
    {
        var hours = cues.Count == 0 ? 0 : cues.Max(c => c.End) / 3600;
        var perHour = hours > 0 ? 1 / hours : 0;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"transcript:        {cues.Count} cues, {hours * 60:0.0} min"));
        Console.WriteLine(string.Create(inv, $"chunks:            {estimate.Chunks.Count} of at most {options.ChunkTokens} transcript tokens, {options.OverlapTokens} overlap"));
        Console.WriteLine(string.Create(inv, $"transcript tokens: {estimate.TranscriptTokens} estimated ({estimate.TranscriptTokens * perHour:0} per hour, overlap included)"));
        Console.WriteLine(string.Create(inv, $"input tokens:      {estimate.RequestTokens} estimated with prompts and schema ({estimate.RequestTokens * perHour:0} per hour)"));
        Console.WriteLine(string.Create(inv, $"cost at {model}:   ${price.Input}/1M in, ${price.Output}/1M out"));
        Console.WriteLine(string.Create(inv, $"  input:           ${estimate.InputUsd:0.0000} (${estimate.InputUsd * (decimal)perHour:0.0000} per hour)"));
        Console.WriteLine(string.Create(inv, $"  worst case:      ${estimate.WorstCaseUsd:0.0000} (${estimate.WorstCaseUsd * (decimal)perHour:0.0000} per hour), every reply at {estimate.MaxOutputTokens} tokens"));
    }
}
