namespace Highlights.Grains.Llm.Budget;

/// <summary>The answer to a reservation: granted or not, and what the day had spent before it.</summary>
public sealed record LedgerReservation(string Id, DateOnly Day, decimal Usd, bool Granted, decimal SpentBefore);
