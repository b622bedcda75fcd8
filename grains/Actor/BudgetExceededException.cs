namespace Highlights.Grains.Actor;

/// <summary>
/// The next paid call would overrun a budget, so it was not made. The grain records
/// <see cref="State.VideoStatus.BudgetExceeded"/>; the message says which budget, what was spent and what the call needed.
/// </summary>
public sealed class BudgetExceededException(string message) : Exception(message);
