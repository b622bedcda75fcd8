using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Actor;

/// <summary>Running only the first part of the pipeline (what <c>analyze</c> does) and continuing from it later.</summary>
public sealed class VideoPipelineRunThroughTests : IDisposable
{
    private readonly GrainHarness harness = new("probe", "audio", "signals", "select", "render");

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Running_through_a_stage_runs_only_the_stages_up_to_it_and_leaves_the_video_pending()
    {
        var grain = await harness.ActivateAsync();

        var runs = await grain.RunThroughAsync("signals", null, CancellationToken.None);

        Assert.Equal(["probe", "audio", "signals"], harness.Log);
        Assert.Equal(["probe", "audio", "signals"], runs.Select(r => r.Stage));
        var stored = await harness.StoredAsync();
        Assert.Equal(VideoStatus.Pending, stored!.Status);
        Assert.Null(stored.CurrentStage);
        Assert.Equal(["audio", "probe", "signals"], stored.Checkpoints.Keys.Order());
    }

    [Fact]
    public async Task A_full_run_after_a_partial_one_continues_from_its_checkpoints()
    {
        await (await harness.ActivateAsync()).RunThroughAsync("signals", null, CancellationToken.None);
        harness.Log.Clear();

        var runs = await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);

        Assert.Equal(["select", "render"], harness.Log);
        Assert.Equal([true, true, true, false, false], runs.Select(r => r.FromCheckpoint));
        Assert.Equal(VideoStatus.Completed, (await harness.StoredAsync())!.Status);
    }

    [Fact]
    public async Task A_partial_run_over_a_completed_video_redoes_nothing_and_keeps_it_completed()
    {
        await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);
        harness.Log.Clear();

        var runs = await (await harness.ActivateAsync()).RunThroughAsync("signals", null, CancellationToken.None);

        Assert.Empty(harness.Log);
        Assert.All(runs, r => Assert.True(r.FromCheckpoint));
        Assert.Equal(VideoStatus.Completed, (await harness.StoredAsync())!.Status);
    }

    [Fact]
    public async Task Rerunning_a_stage_for_a_partial_run_drops_the_later_checkpoints_built_on_its_old_result()
    {
        await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);
        harness["signals"].ResultVersion = 2;
        harness.Log.Clear();

        await (await harness.ActivateAsync()).RunThroughAsync("signals", null, CancellationToken.None);

        Assert.Equal(["signals"], harness.Log);
        var stored = await harness.StoredAsync();
        Assert.Equal(VideoStatus.Pending, stored!.Status);
        Assert.Equal(["audio", "probe", "signals"], stored.Checkpoints.Keys.Order());
    }

    [Fact]
    public async Task An_unknown_stage_name_is_refused()
    {
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => grain.RunThroughAsync("transcode", null, CancellationToken.None));
    }
}
