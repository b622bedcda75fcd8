using Highlights.Cli.Models;
using Highlights.Grains.Actor;
using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Processes;
using Highlights.Grains.State;
using Highlights.Grains.Transcription;
using Microsoft.Extensions.Options;

namespace Highlights.Cli.Commands;

/// <summary>Turns any failure into one line on stderr and the exit code scripts can branch on. Nothing here throws.</summary>
public static class CommandFailure
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = exception switch
        {
            InputRejectedException e => (ExitCodes.InputRejected, e.Message),
            CaptionRejectedException e => (ExitCodes.InputRejected, e.Message),
            BudgetExceededException e => (ExitCodes.BudgetExceeded, $"{e.Message}; finished chunks are kept: run again with a larger --budget-usd to continue, or with --on-budget offline"),
            LlmConfigurationException or LlmCallException => (ExitCodes.Failed, "llm: " + exception.Message),
            TranscriberUnavailableException e => (ExitCodes.InputRejected, e.Message),
            ModelDownloadException e => (ExitCodes.Failed, e.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled; run the same command again to resume"),
            OptionsValidationException e => (ExitCodes.Failed, "configuration: " + string.Join("; ", e.Failures)),
            ProcessFailedException e => (ExitCodes.Failed, $"{e.Message}\n  command: {e.Command}"),
            ToolNotFoundException or VideoBusyException or InvalidDataException or FileNotFoundException => (ExitCodes.Failed, exception.Message),
            _ => (ExitCodes.Failed, $"{exception.GetType().Name}: {exception.Message}"),
        };
        error.WriteLine($"error: {message}");
        return code;
    }
}
