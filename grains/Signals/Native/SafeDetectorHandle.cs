using System.Runtime.InteropServices;

namespace Highlights.Grains.Signals.Native;

/// <summary>Owns one native <c>hv_detector</c>; frees it exactly once, even if the wrapper is never disposed.</summary>
internal sealed class SafeDetectorHandle : SafeHandle
{
    public SafeDetectorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        VisionInterop.DestroyDetector(handle);
        return true;
    }
}
