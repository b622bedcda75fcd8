namespace Highlights.Grains.Llm;

public enum CallStatus
{
    /// <summary>Recorded before the request went out; if the host dies mid-call it stays, costed at its worst case.</summary>
    Pending,
    Ok,
    RateLimited,
    ServerError,
    Timeout,
    Network,
    Rejected,
    Cancelled,
}
