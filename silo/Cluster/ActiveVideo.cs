namespace Highlights.Silo.Cluster;

/// <summary>
/// One video this silo is running: its lease, the token that stops its grain, why it was stopped, and the
/// latest progress for the heartbeat to write. The first stop reason wins.
/// </summary>
public sealed class ActiveVideo : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenRegistration onShutdown;
    private readonly Lock gate = new();
    private bool disposed;
    private double progress = double.NaN;

    public ActiveVideo(VideoLease lease, CancellationToken shutdown)
    {
        Lease = lease;
        LeaseValidUntil = lease.ExpiresAt;
        onShutdown = shutdown.Register(() => Stop(StopReason.Shutdown));
    }

    public VideoLease Lease { get; }

    public CancellationToken Token => stop.Token;

    public StopReason Reason { get; private set; }

    /// <summary>The expiry the last successful renewal set; past it, another silo may hold the video.</summary>
    public DateTimeOffset LeaseValidUntil { get; set; }

    /// <summary>Fraction of the running stage, or null while unknown.</summary>
    public double? Progress
    {
        get
        {
            var value = Volatile.Read(ref progress);
            return double.IsNaN(value) ? null : value;
        }
        set => Volatile.Write(ref progress, value ?? double.NaN);
    }

    public void Stop(StopReason reason)
    {
        lock (gate)
        {
            if (disposed || Reason != StopReason.None)
            {
                return;
            }

            Reason = reason;
            stop.Cancel();
        }
    }

    public void Dispose()
    {
        onShutdown.Dispose();
        lock (gate)
        {
            disposed = true;
            stop.Dispose();
        }
    }
}
