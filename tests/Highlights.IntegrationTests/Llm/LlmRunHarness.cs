using System.Text.Json;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Llm.Prompts;
using Highlights.Grains.Selection;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Llm;

/// <summary>
/// One video's LLM selection against the scripted server through Semantic Kernel's OpenAI connector: 36 four-second cues cut
/// into several chunks, a file cost ledger in a temp folder, and the stage's partial checkpoints kept in memory.
/// </summary>
public sealed class LlmRunHarness : IAsyncDisposable
{
    public const string Model = "test-model";

    /// <summary>Expensive on purpose, so a few calls cost cents and budgets bite.</summary>
    public static readonly ModelPrice Price = new(100m, 400m);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("highlights-llm-");

    private LlmRunHarness(ScriptedLlmServer server)
    {
        Server = server;
        Options = new LlmOptions
        {
            BaseUrl = server.BaseUrl,
            Model = Model,
            ChunkTokens = 160,
            OverlapTokens = 20,
            MaxOutputTokens = 300,
            RequestTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        Ledger = new FileCostLedger(Path.Combine(folder.FullName, "ledger"), TimeProvider.System);
    }

    public ScriptedLlmServer Server { get; }

    /// <summary>Who pays; unique per harness, so its series on the process-wide counters are its own.</summary>
    public string Tenant { get; } = "tenant-" + Guid.NewGuid().ToString("N")[..8];

    public LlmOptions Options { get; }

    public FileCostLedger Ledger { get; }

    public HighlightsMetrics Metrics { get; } = HighlightsMetrics.Unexported();

    /// <summary>Every progress the run saved, in order: what a restart would find.</summary>
    public List<LlmProgress> Saves { get; } = [];

    public LlmProgress? LastSaved => Saves.Count > 0 ? Saves[^1] : null;

    public static IReadOnlyList<Cue> Cues { get; } =
    [
        .. Enumerable.Range(0, 36).Select(i => new Cue(
            (i * 4) + 0.25,
            (i * 4) + 3.75,
            i % 9 == 4 ? $"Line {i}: that was the moment everything changed, absolutely incredible." : $"Line {i}: we talk about part {i} of the plan.")),
    ];

    public static async Task<LlmRunHarness> StartAsync(Func<RecordedRequest, ScriptedReply> script) =>
        new(await ScriptedLlmServer.StartAsync(script));

    public async Task<SelectionResult> RunAsync(decimal budgetUsd = 100m, BudgetAction onBudget = BudgetAction.Stop, LlmProgress? saved = null)
    {
        var settings = OfflineSelectorSettingsFile.Load(Path.Combine(RepoPaths.Prompts, OfflineSelectorSettingsFile.FileName));
        var prices = new PriceTable("test-prices/1", new Dictionary<string, ModelPrice> { [Model] = Price });
        // Built per run: tests change the options after the harness is made.
        using var kernels = new LlmKernels(Microsoft.Extensions.Options.Options.Create(Options));
        var run = new LlmSelectionRun(
            kernels.For(Model),
            kernels.Provider,
            Options,
            Ledger,
            TimeProvider.System,
            PromptSetFile.Load(RepoPaths.Prompts),
            prices,
            settings,
            Metrics);
        var input = new SelectionInput(Cues[^1].End + 1, Cues, EnergySeries.None, TargetSeconds: 30);
        var request = new LlmSelectionRequest("video-1", Tenant, "a test talk", new LlmChoice(LlmOptions.OpenAiProvider, Model), budgetUsd, onBudget, input);
        return await run.RunAsync(request, saved, SaveAsync, (_, _) => { }, CancellationToken.None);
    }

    /// <summary>The most a call can be billed: our own input estimate and the full output cap.</summary>
    public static (int Input, int Output) MaximumUsage(RecordedRequest request)
    {
        var messages = request.Messages.Select(m => new LlmMessage(Enum.Parse<LlmRole>(m.Role, ignoreCase: true), m.Content)).ToList();
        var schema = request.Body.TryGetProperty("response_format", out _) ? CandidateSchema.ForProvider : null;
        return (TokenEstimator.Estimate(new LlmRequest(request.Model, messages, request.Cap, schema)), request.Cap);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        folder.Delete(recursive: true);
    }

    private Task SaveAsync(LlmProgress progress, CancellationToken cancellationToken)
    {
        // Round-trip through JSON, as the state store does, so a restart sees only what would have been on disk.
        Saves.Add(JsonSerializer.Deserialize<LlmProgress>(JsonSerializer.Serialize(progress, StateJson.Options), StateJson.Options)!);
        return Task.CompletedTask;
    }
}
