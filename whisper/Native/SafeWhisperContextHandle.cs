using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>A loaded model (<c>struct whisper_context *</c>), freed with <c>whisper_free</c>.</summary>
internal sealed class SafeWhisperContextHandle : SafeHandle
{
    public SafeWhisperContextHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        Interop.whisper_free(handle);
        return true;
    }
}
