using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>
/// Decoding state (<c>struct whisper_state *</c>), freed with <c>whisper_free_state</c>. A state is only usable
/// with the context that made it, so it holds a reference on that context until it is released itself.
/// </summary>
internal sealed class SafeWhisperStateHandle : SafeHandle
{
    private SafeWhisperContextHandle? context;

    public SafeWhisperStateHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Keeps <paramref name="owner"/> alive (not freed) for as long as this state exists.</summary>
    public void HoldContext(SafeWhisperContextHandle owner)
    {
        var added = false;
        owner.DangerousAddRef(ref added);
        context = owner;
    }

    protected override bool ReleaseHandle()
    {
        Interop.whisper_free_state(handle);
        context?.DangerousRelease();
        return true;
    }
}
