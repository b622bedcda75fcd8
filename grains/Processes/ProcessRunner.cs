using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Highlights.Grains.Processes;

/// <summary>
/// Runs a <see cref="ProcessCommand"/> to completion: streams stdout lines to a callback, keeps a stderr tail,
/// turns a non-zero exit into <see cref="ProcessFailedException"/>, and on cancellation stops the child
/// gracefully (SIGTERM) before killing its tree.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(ProcessCommand command, ProcessRunOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        ChildProcessLauncher.Prepare(startInfo, command);
        using var process = new Process { StartInfo = startInfo };
        try
        {
            await ChildProcessLauncher.StartAsync(process);
        }
        catch (Win32Exception ex)
        {
            throw new ToolNotFoundException(command.FileName, ex);
        }

        // Children must never wait on our terminal for input.
        process.StandardInput.Close();

        var output = options.CaptureOutput && options.OutputConsumer is null ? new StringBuilder() : null;
        var errorTail = new LineTail(options.ErrorTailLines);

        // A consumer that gives up must not leave the child blocked on a full pipe: its failure stops the child.
        using var consumerFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readOutput = options.OutputConsumer is { } consumer
            ? ConsumeAsync(process.StandardOutput.BaseStream, consumer, consumerFailed)
            : PumpAsync(process.StandardOutput, line =>
            {
                output?.AppendLine(line);
                options.OnOutputLine?.Invoke(line);
            });
        var readError = PumpAsync(process.StandardError, errorTail.Add);

        try
        {
            await process.WaitForExitAsync(consumerFailed.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, options.GracefulStop);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }

        // A consumer's failure is why the child was stopped, so it is the error to report.
        await Task.WhenAll(readOutput, readError);

        var result = new ProcessResult(process.ExitCode, output?.ToString() ?? string.Empty, errorTail.ToString());
        return result.ExitCode == 0 ? result : throw new ProcessFailedException(command, result.ExitCode, result.StandardErrorTail);
    }

    private static async Task ConsumeAsync(Stream stdout, Func<Stream, CancellationToken, Task> consumer, CancellationTokenSource consumerFailed)
    {
        try
        {
            await consumer(stdout, consumerFailed.Token);
            await stdout.CopyToAsync(Stream.Null, consumerFailed.Token);
        }
        catch
        {
            // Closing our end makes the child's next write fail (EPIPE), so it ends even if it ignores SIGTERM.
            await stdout.DisposeAsync();
            await consumerFailed.CancelAsync();
            throw;
        }
    }

    /// <summary>
    /// Reads every line to the end even if <paramref name="onLine"/> throws: a reader that stopped would let the
    /// child block on a full pipe forever. The first callback failure is rethrown once the stream is drained.
    /// </summary>
    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        Exception? failure = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (failure is not null)
            {
                continue;
            }

            try
            {
                onLine(line);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static async Task StopAsync(Process process, TimeSpan gracefulStop)
    {
        if (process.HasExited)
        {
            return;
        }

        if (PosixSignal.TryTerminate(process.Id))
        {
            using var grace = new CancellationTokenSource(gracefulStop);
            try
            {
                await process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Ignored SIGTERM: fall through to the kill.
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
    }
}
