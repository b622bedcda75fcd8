using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>
/// The callbacks handed to <c>whisper_full</c>. Static and <see cref="UnmanagedCallersOnly"/>, so no delegate can be
/// collected while native code holds it; the per-call <see cref="WhisperRunContext"/> arrives through user data.
/// </summary>
internal static unsafe class WhisperCallbacks
{
    /// <summary><c>whisper_progress_callback</c>.</summary>
    public static nint Progress => (nint)(delegate* unmanaged<nint, nint, int, nint, void>)&OnProgress;

    /// <summary><c>ggml_abort_callback</c>: asked before each graph computation, true stops the run.</summary>
    public static nint Abort => (nint)(delegate* unmanaged<nint, byte>)&OnAbort;

    [UnmanagedCallersOnly]
    private static void OnProgress(nint context, nint state, int progress, nint userData) => Run(userData)?.ReportProgress(progress);

    [UnmanagedCallersOnly]
    private static byte OnAbort(nint userData) => Run(userData) is { ShouldAbort: true } ? (byte)1 : (byte)0;

    private static WhisperRunContext? Run(nint userData) =>
        userData == nint.Zero ? null : GCHandle.FromIntPtr(userData).Target as WhisperRunContext;
}
