namespace Highlights.Grains.Llm.Budget;

/// <summary>
/// One call as the ledger holds it for reports: reserved at <see cref="At"/>, charged to <see cref="Tenant"/>, at its
/// settled cost or, while unsettled (the call is in flight, or its host died mid-call), at its reserved worst case.
/// </summary>
public sealed record LedgerEntry(
    string Id,
    DateTimeOffset At,
    string? VideoId,
    string Tenant,
    string Provider,
    string Model,
    long InputTokens,
    long OutputTokens,
    decimal Usd,
    bool Settled);
