namespace Highlights.Grains.State;

/// <summary>Lifecycle of one video. Transitions are guarded by <see cref="VideoState"/>.</summary>
public enum VideoStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
