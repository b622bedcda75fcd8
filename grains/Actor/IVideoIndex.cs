using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>
/// Where a submitted video's grain says how it stands, for the questions asked across videos (a tenant's waiting
/// videos, the queue gauges, retention) that no single grain can answer. Advisory: the grain's state decides.
/// </summary>
public interface IVideoIndex
{
    /// <param name="queued">Waiting to run: new, interrupted, or failed with a retry due at <paramref name="notBefore"/>.</param>
    Task RecordAsync(VideoState state, bool queued, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>The index of a host whose videos are nobody else's business (the CLI's in-process silo).</summary>
    public static IVideoIndex None { get; } = new NoIndex();

    private sealed class NoIndex : IVideoIndex
    {
        public Task RecordAsync(VideoState state, bool queued, DateTimeOffset notBefore, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
