namespace Highlights.Grains.State;

public enum FailureKind
{
    /// <summary>The input itself is unusable (bad file, HDR without tone-mapping, too long...). Retrying will not help.</summary>
    InputRejected,

    /// <summary>A tool or the host failed; retrying may help.</summary>
    Error,

    Cancelled,

    /// <summary>Not a failure of the input or the host: the next LLM call would overrun a budget.</summary>
    BudgetExceeded,
}
