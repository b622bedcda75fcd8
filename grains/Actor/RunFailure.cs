using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Processes;
using Highlights.Grains.Transcription;

namespace Highlights.Grains.Actor;

/// <summary>Why a run stopped, in terms a caller can act on: carried from the grain to its observers, which may be in another process.</summary>
/// <param name="Command">The command line of a tool that failed, for the user to run by hand.</param>
/// <param name="Scope">For a budget stop: <see cref="BudgetExceededException.VideoScope"/> or <see cref="BudgetExceededException.DeploymentScope"/>.</param>
public sealed record RunFailure(RunFailureKind Kind, string Message, string? Command = null, string? Scope = null)
{
    /// <summary>Classifies an exception the pipeline (or anything it calls) threw. Pure.</summary>
    public static RunFailure Describe(Exception exception) => exception switch
    {
        InputRejectedException or CaptionRejectedException or TranscriberUnavailableException => new(RunFailureKind.InputRejected, exception.Message),
        BudgetExceededException e => new(RunFailureKind.BudgetExceeded, e.Message, Scope: e.Scope),
        LlmConfigurationException or LlmCallException => new(RunFailureKind.Llm, exception.Message),
        OperationCanceledException => new(RunFailureKind.Cancelled, "cancelled"),
        ProcessFailedException e => new(RunFailureKind.Process, e.Message, e.Command.ToString()),
        _ => new(RunFailureKind.Error, exception.Message),
    };
}

public enum RunFailureKind
{
    InputRejected,
    BudgetExceeded,
    Llm,
    Cancelled,
    Process,
    Error,
}
