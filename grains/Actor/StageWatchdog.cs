namespace Highlights.Grains.Actor;

/// <summary>
/// Checks one running stage against its <see cref="StageBudget"/> on a timer and cancels <see cref="Token"/> when it
/// is over, recording why in <see cref="Exceeded"/>. The stage sees a cancel; the grain tells it apart from the user's.
/// </summary>
public sealed class StageWatchdog : IDisposable
{
    private readonly StageBudget budget;
    private readonly string stage;
    private readonly TimeProvider time;
    private readonly Func<long> residentBytes;
    private readonly long started;
    private readonly CancellationTokenSource stop;
    private readonly ITimer? timer;
    private string? exceeded;

    internal StageWatchdog(StageBudget budget, string stage, TimeProvider time, TimeSpan interval, Func<long> residentBytes, CancellationToken cancellationToken)
    {
        this.budget = budget;
        this.stage = stage;
        this.time = time;
        this.residentBytes = residentBytes;
        started = time.GetTimestamp();
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (interval != Timeout.InfiniteTimeSpan)
        {
            timer = time.CreateTimer(_ => Check(), null, TimeSpan.Zero, interval);
        }
    }

    public CancellationToken Token => stop.Token;

    /// <summary>Why the stage was stopped, or null if it was not.</summary>
    public string? Exceeded => Volatile.Read(ref exceeded);

    private void Check()
    {
        var reason = budget.Exceeded(stage, time.GetElapsedTime(started), residentBytes());
        if (reason is not null && Interlocked.CompareExchange(ref exceeded, reason, null) is null)
        {
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stage ended between the check and the cancel.
            }
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        stop.Dispose();
    }
}
