namespace Highlights.Grains.State;

/// <summary>What a run does when the next LLM call would overrun the budget.</summary>
public enum BudgetAction
{
    /// <summary>The video stops in <see cref="VideoStatus.BudgetExceeded"/>; a run with a larger budget continues it.</summary>
    Stop,

    /// <summary>The chunks not yet answered are selected offline, and the video completes.</summary>
    Offline,
}
