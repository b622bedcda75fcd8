namespace Highlights.Silo.Cluster;

/// <summary>How one run of a video on this silo ended.</summary>
public enum RunOutcome
{
    Completed,

    /// <summary>The input cannot be used; running again would not help.</summary>
    Rejected,

    /// <summary>The next LLM call would overrun its budget; running again spends nothing until the budget grows (retry then).</summary>
    BudgetExceeded,

    /// <summary>A user cancelled it.</summary>
    Cancelled,

    /// <summary>A stage failed; another run may succeed.</summary>
    Failed,

    /// <summary>This silo is shutting down; the video should continue elsewhere.</summary>
    Interrupted,

    /// <summary>Another silo holds the video now; this one must not touch it.</summary>
    LeaseLost,
}
