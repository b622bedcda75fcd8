using Highlights.Grains.Actor;

namespace Highlights.Cli.Embedded;

/// <summary>The grain's run of the video stopped without finishing; <see cref="Failure"/> says why.</summary>
public sealed class RunFailedException(RunFailure failure) : Exception(failure.Message)
{
    public RunFailure Failure { get; } = failure;

    /// <summary>Throws what the run's end means for a command: nothing when it completed, else its failure.</summary>
    public static RunEnded ThrowIfFailed(RunEnded ended) => ended.Failure switch
    {
        null => ended,
        { Kind: RunFailureKind.Cancelled } => throw new OperationCanceledException(ended.Failure.Message),
        { Kind: RunFailureKind.BudgetExceeded, Scope: var scope } => throw new BudgetExceededException(scope ?? BudgetExceededException.VideoScope, ended.Failure.Message),
        var failure => throw new RunFailedException(failure),
    };
}
