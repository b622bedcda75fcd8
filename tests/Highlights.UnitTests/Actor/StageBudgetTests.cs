using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Actor;

public sealed class StageBudgetTests : IDisposable
{
    private const long Megabyte = 1024 * 1024;

    private static readonly Dictionary<string, TimeSpan> SelectTakesAMinute = new() { ["select"] = TimeSpan.FromMinutes(1) };

    private readonly GrainHarness harness = new("probe", "select");

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Memory_over_the_budget_names_the_stage_the_size_and_the_option()
    {
        var budget = new StageBudget(512 * Megabyte, SelectTakesAMinute, Timeout.InfiniteTimeSpan, () => 0);

        Assert.Null(budget.Exceeded("select", TimeSpan.FromSeconds(1), 512 * Megabyte));
        var reason = budget.Exceeded("probe", TimeSpan.FromSeconds(1), 600 * Megabyte);

        Assert.NotNull(reason);
        Assert.Contains("stage probe", reason);
        Assert.Contains("600 MB", reason);
        Assert.Contains("Stages:MaxMemoryMegabytes", reason);
    }

    [Fact]
    public void Only_stages_with_a_time_limit_are_timed()
    {
        var budget = new StageBudget(long.MaxValue, SelectTakesAMinute, Timeout.InfiniteTimeSpan, () => 0);

        Assert.Null(budget.Exceeded("select", TimeSpan.FromSeconds(59), 0));
        Assert.Contains("Stages:TimeLimits:select", budget.Exceeded("select", TimeSpan.FromSeconds(61), 0));
        Assert.Null(budget.Exceeded("probe", TimeSpan.FromHours(10), 0));
    }

    [Fact]
    public async Task A_stage_over_its_memory_budget_is_stopped_and_fails_the_video_with_the_reason()
    {
        // The stage would run forever but honours cancellation, as CPU-bound stages must.
        harness["select"].During = (_, token) => Task.Delay(Timeout.Infinite, token);
        var resident = 100 * Megabyte;
        var budget = new StageBudget(1024 * Megabyte, new Dictionary<string, TimeSpan>(), TimeSpan.FromMilliseconds(10), () => Interlocked.Read(ref resident));
        harness["probe"].During = (_, _) =>
        {
            Interlocked.Exchange(ref resident, 2048 * Megabyte);
            return Task.CompletedTask;
        };
        var grain = await harness.ActivateAsync(budget);

        var error = await Assert.ThrowsAsync<InputRejectedException>(() => grain.RunAsync(null, CancellationToken.None));

        Assert.Contains("stage select stopped", error.Message);
        var stored = await harness.StoredAsync();
        Assert.Equal(VideoStatus.Failed, stored!.Status);
        Assert.Equal(FailureKind.InputRejected, stored.Failure!.Kind);
        Assert.Equal("select", stored.Failure.Stage);
        Assert.Contains("2048 MB", stored.Failure.Message);
        Assert.True(stored.Checkpoints.ContainsKey("probe"), "the stage done before was lost");
    }
}
