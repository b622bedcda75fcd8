namespace Highlights.Silo.Cluster;

/// <summary>Why a silo stopped work on a video before it finished; decides what the release does.</summary>
public enum StopReason
{
    None,
    CancelRequested,
    LeaseLost,
    Shutdown,
}
