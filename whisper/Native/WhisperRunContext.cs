using System.Runtime.ExceptionServices;

namespace Highlights.Whisper.Native;

/// <summary>
/// The managed side of one <c>whisper_full</c> call, reached from its native callbacks through a GCHandle in their
/// user data. Nothing may throw back into native code, so a failing progress observer is kept here, aborts the
/// run, and is rethrown once whisper.cpp has returned.
/// </summary>
internal sealed class WhisperRunContext(Action<double>? progress, CancellationToken cancellationToken)
{
    private ExceptionDispatchInfo? failure;

    public bool ShouldAbort => failure is not null || cancellationToken.IsCancellationRequested;

    /// <param name="percent">whisper.cpp's figure; it overshoots 100 on the last chunk, so it is clamped.</param>
    public void ReportProgress(int percent)
    {
        if (progress is null || failure is not null)
        {
            return;
        }

        try
        {
            progress(Math.Clamp(percent, 0, 100) / 100.0);
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public void ThrowIfFailed() => failure?.Throw();
}
