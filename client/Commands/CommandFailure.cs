using Highlights.Cli.Embedded;
using Highlights.Cli.Models;
using Highlights.Grains.Actor;
using Microsoft.Extensions.Options;

namespace Highlights.Cli.Commands;

/// <summary>Turns any failure into one line on stderr and the exit code scripts can branch on. Nothing here throws.</summary>
public static class CommandFailure
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = exception switch
        {
            ModelDownloadException e => (ExitCodes.Failed, e.Message),
            OptionsValidationException e => (ExitCodes.Failed, "configuration: " + string.Join("; ", e.Failures)),
            RunFailedException e => Describe(e.Failure),

            // The message is for the user; a .NET type name tells them nothing they can act on.
            _ => Describe(RunFailure.Describe(exception)),
        };
        error.WriteLine($"error: {message}");
        return code;
    }

    private static (int Code, string Message) Describe(RunFailure failure) => failure.Kind switch
    {
        RunFailureKind.InputRejected => (ExitCodes.InputRejected, failure.Message),
        RunFailureKind.BudgetExceeded => (ExitCodes.BudgetExceeded, $"{failure.Message}; finished chunks are kept: run again with a larger --budget-usd to continue, or with --on-budget offline"),
        RunFailureKind.Llm => (ExitCodes.Failed, "llm: " + failure.Message),
        RunFailureKind.Cancelled => (ExitCodes.Cancelled, "cancelled; run the same command again to resume"),
        RunFailureKind.Process => (ExitCodes.Failed, $"{failure.Message}\n  command: {failure.Command}"),
        _ => (ExitCodes.Failed, failure.Message),
    };
}
