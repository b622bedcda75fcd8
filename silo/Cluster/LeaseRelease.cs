namespace Highlights.Silo.Cluster;

/// <summary>
/// What happens to a video when its owner lets go: whether it goes back on the queue and from when.
/// <see cref="Interrupted"/> marks a run stopped by its silo shutting down: the try is given back and the
/// cancel the grain recorded is undone, since nobody asked for it.
/// </summary>
public sealed record LeaseRelease(bool Queued, DateTimeOffset NotBefore, string? LastError, bool Interrupted);
