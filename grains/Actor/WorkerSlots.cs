using Microsoft.Extensions.Options;

namespace Highlights.Grains.Actor;

/// <summary>
/// This silo's <see cref="VideoRunOptions.Workers"/> pipeline slots. A video's run waits here, outside its grain's
/// scheduler, so a full silo keeps answering for its waiting videos; slots go in arrival order.
/// </summary>
public sealed class WorkerSlots(IOptions<VideoRunOptions> options)
{
    private readonly SemaphoreSlim slots = new(options.Value.Workers, Math.Max(1, options.Value.Workers));

    public int Capacity { get; } = options.Value.Workers;

    public int Busy => Capacity - slots.CurrentCount;

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
