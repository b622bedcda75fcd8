using Highlights.UnitTests.Support;
using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Highlights.UnitTests.Actor;

public sealed class PartialCheckpointTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-partials-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task A_restarted_stage_sees_the_work_it_saved_before_it_failed_and_only_does_the_rest()
    {
        var store = new MemoryStateStore(root.FullName);
        var stage = new CountingWindowsStage(windows: 5, failAfter: 3);
        await RunAsync(store, stage, expectFailure: true);

        var crashed = (await store.LoadAsync("v1", CancellationToken.None))!;
        Assert.Equal(VideoStatus.Failed, crashed.Status);
        Assert.Equal([0, 1, 2], crashed.PartialOf<WindowsDone>("windows", 1)!.Done);

        stage.FailAfter = null;
        await RunAsync(store, stage, expectFailure: false);

        Assert.Equal([0, 1, 2, 3, 4], stage.Processed);
        var done = (await store.LoadAsync("v1", CancellationToken.None))!;
        Assert.Equal([0, 1, 2, 3, 4], done.ResultOf<WindowsDone>("windows")!.Done);
        Assert.Empty(done.Partials);
    }

    [Fact]
    public async Task Partial_work_of_an_older_result_version_is_ignored()
    {
        var store = new MemoryStateStore(root.FullName);
        var stage = new CountingWindowsStage(windows: 3, failAfter: 2);
        await RunAsync(store, stage, expectFailure: true);

        var upgraded = new CountingWindowsStage(windows: 3, failAfter: null) { Version = 2 };
        await RunAsync(store, upgraded, expectFailure: false);

        Assert.Equal([0, 1, 2], upgraded.Processed);
    }

    [Fact]
    public void Only_the_running_stage_may_record_partial_work()
    {
        var state = VideoState.Create("v1", new VideoSource("/x", 1, "ab"), new ProcessingOptions(), DateTimeOffset.UnixEpoch)
            .BeginRun(DateTimeOffset.UnixEpoch)
            .EnterStage("a", DateTimeOffset.UnixEpoch);
        var payload = JsonSerializer.SerializeToElement(new { n = 1 });

        Assert.Throws<IllegalTransitionException>(() => state.RecordPartial("b", 1, payload, TimeSpan.Zero, DateTimeOffset.UnixEpoch));
        Assert.NotNull(state.RecordPartial("a", 1, payload, TimeSpan.Zero, DateTimeOffset.UnixEpoch).Partials["a"]);
    }

    private static async Task RunAsync(MemoryStateStore store, IVideoStage stage, bool expectFailure)
    {
        var state = await store.LoadAsync("v1", CancellationToken.None)
            ?? VideoState.Create("v1", new VideoSource("/x", 1, "ab"), new ProcessingOptions(), DateTimeOffset.UnixEpoch);
        var grain = new VideoPipeline(state, [stage], store, store.VideoDirectory("v1"), TimeProvider.System, NullLogger<VideoPipeline>.Instance, HighlightsMetrics.Unexported());
        if (expectFailure)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => grain.RunAsync(null, CancellationToken.None));
        }
        else
        {
            await grain.RunAsync(null, CancellationToken.None);
        }
    }

    public sealed record WindowsDone(IReadOnlyList<int> Done);

    /// <summary>Processes numbered windows, checkpointing after each; can be told to fail after N windows.</summary>
    private sealed class CountingWindowsStage(int windows, int? failAfter) : VideoStage<WindowsDone>
    {
        public int? FailAfter { get; set; } = failAfter;

        public int Version { get; init; } = 1;

        public List<int> Processed { get; } = [];

        public override string Name => "windows";

        public override int ResultVersion => Version;

        protected override async Task<WindowsDone> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
        {
            var done = context.SavedPartial<WindowsDone>()?.Done.ToList() ?? [];
            for (var window = done.Count; window < windows; window++)
            {
                if (window == FailAfter)
                {
                    throw new InvalidOperationException("simulated crash");
                }

                Processed.Add(window);
                done.Add(window);
                await context.SavePartialAsync(new WindowsDone(done), cancellationToken);
            }

            return new WindowsDone(done);
        }
    }
}
