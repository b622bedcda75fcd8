using System.Text.Json;
using Highlights.Grains.Actor;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>A stage that runs what the test scripts (or returns at once) and counts its runs.</summary>
public sealed class ScriptedStage(string name, Func<CancellationToken, Task>? body = null) : IVideoStage
{
    private int calls;

    public string Name { get; } = name;

    public int ResultVersion => 1;

    public int Calls => Volatile.Read(ref calls);

    public Func<CancellationToken, Task>? Body { get; set; } = body;

    public async Task<JsonElement> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Body is not null)
        {
            await Body(cancellationToken);
        }

        return JsonSerializer.SerializeToElement(new { stage = Name });
    }

    /// <summary>A body that signals it started, then waits until cancelled.</summary>
    public static Func<CancellationToken, Task> BlockUntilCancelled(TaskCompletionSource started) => async ct =>
    {
        started.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    };
}
