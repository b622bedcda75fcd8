namespace Highlights.Grains.Actor;

/// <summary>
/// The next paid call would overrun a budget, so it was not made. The grain records
/// <see cref="State.VideoStatus.BudgetExceeded"/>; the message says which budget, what was spent and what the call needed.
/// </summary>
public sealed class BudgetExceededException(string scope, string message) : Exception(message)
{
    public const string VideoScope = "video";
    public const string DeploymentScope = "deployment";

    /// <summary><see cref="VideoScope"/> (this video's budget) or <see cref="DeploymentScope"/> (the day's, across videos).</summary>
    public string Scope { get; } = scope;
}
