using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Highlights.UnitTests.Actor;

/// <summary>A stage that records its calls and returns (or throws) what the test says.</summary>
internal sealed class FakeStage(string name, List<string>? log = null) : IVideoStage
{
    public string Name { get; } = name;

    public int ResultVersion { get; set; } = 1;

    public int Calls { get; private set; }

    /// <summary>Thrown by the next runs while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>What the stage returns instead of its <see cref="StageOutput"/>, when set.</summary>
    public object? Output { get; set; }

    /// <summary>Runs inside the stage before it returns, with the stage's context.</summary>
    public Func<StageContext, CancellationToken, Task>? During { get; set; }

    public async Task<JsonElement> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        Calls++;
        log?.Add(Name);
        if (During is not null)
        {
            await During(context, cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        return JsonSerializer.SerializeToElement(Output ?? new StageOutput(Name, Calls), StateJson.Options);
    }
}

internal sealed record StageOutput(string Stage, int Call);

/// <summary>Keeps events in the order reported (unlike Progress&lt;T&gt;, which posts them to the thread pool).</summary>
internal sealed class EventRecorder : IProgress<PipelineEvent>
{
    public List<PipelineEvent> Events { get; } = [];

    public void Report(PipelineEvent value) => Events.Add(value);

    public IEnumerable<string> Trace() => Events
        .Where(e => e is not PipelineEvent.Progressed)
        .Select(e => $"{e.GetType().Name}:{e.Stage}");
}

/// <summary>Cancels the run when a matching event is reported, as a user pressing Ctrl+C at that moment would.</summary>
internal sealed class CancelOn<TEvent>(CancellationTokenSource cts, Func<TEvent, bool> when) : IProgress<PipelineEvent>
    where TEvent : PipelineEvent
{
    public void Report(PipelineEvent value)
    {
        if (value is TEvent match && when(match))
        {
            cts.Cancel();
        }
    }
}

/// <summary>A temp state directory with a file store, and grains over its stored state.</summary>
internal sealed class GrainHarness : IDisposable
{
    public const string VideoId = "video-under-test";

    private readonly TempDirectory temp = new();

    public GrainHarness(params string[] stageNames)
    {
        Stages = [.. stageNames.Select(n => new FakeStage(n, Log))];
        Store = new MemoryStateStore(temp.Path);
    }

    public IReadOnlyList<FakeStage> Stages { get; }

    public MemoryStateStore Store { get; }

    /// <summary>Stage names in the order the stages were called.</summary>
    public List<string> Log { get; } = [];

    /// <summary>The metrics every grain of this harness records into, in a registry of its own.</summary>
    public HighlightsMetrics Metrics { get; } = HighlightsMetrics.Unexported();

    public FakeStage this[string name] => Stages.Single(s => s.Name == name);

    public async Task<VideoPipeline> ActivateAsync(StageBudget? budget = null)
    {
        var state = await Store.LoadAsync(VideoId, CancellationToken.None)
            ?? VideoState.Create(VideoId, new VideoSource("/media/in.mp4", 100, "cafe"), new ProcessingOptions(), TimeProvider.System.GetUtcNow());
        return new VideoPipeline(state, Stages, Store, Store.VideoDirectory(VideoId), TimeProvider.System, NullLogger<VideoPipeline>.Instance, Metrics, budget);
    }

    public Task<VideoState?> StoredAsync() => Store.LoadAsync(VideoId, CancellationToken.None);

    public void Dispose() => temp.Dispose();
}
