namespace Highlights.Grains.Llm.Budget;

/// <summary>
/// The deployment's record of LLM spending, for the per-day budget. Every call is reserved (at its worst-case cost)
/// before it is made and settled (at the provider's reported usage) after; a reservation never settled (the host died
/// mid-call) keeps counting at its worst case. In the CLI it is a file under the state directory; a cluster shares a database. Both
/// keep each call with its tenant, video, model and tokens, for the cost reports.
/// </summary>
public interface ICostLedger
{
    /// <summary>
    /// Atomically: if today's spending plus <paramref name="charge"/> stays within <paramref name="dailyLimitUsd"/>, records the
    /// reservation and returns it; otherwise records nothing. Either way returns what today had spent before.
    /// </summary>
    Task<LedgerReservation> TryReserveAsync(LedgerCharge charge, decimal dailyLimitUsd, CancellationToken cancellationToken);

    /// <summary>Replaces a granted reservation's amount with what the call actually cost, and records its tokens.</summary>
    Task SettleAsync(LedgerReservation reservation, LedgerSettlement settlement, CancellationToken cancellationToken);

    /// <summary>What was spent (reserved and not yet settled counts as reserved) on one UTC day.</summary>
    Task<decimal> SpentOnAsync(DateOnly day, CancellationToken cancellationToken);
}
