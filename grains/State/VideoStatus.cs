namespace Highlights.Grains.State;

/// <summary>Lifecycle of one video. Transitions are guarded by <see cref="VideoState"/>.</summary>
public enum VideoStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,

    /// <summary>Stopped because the next LLM call would overrun the video's or the day's budget. Finished work is kept; a new run with a larger budget continues.</summary>
    BudgetExceeded,
}
