using System.Runtime.InteropServices;

namespace Highlights.Grains.Signals.Native;

/// <summary>Mirror of <c>hv_detector_options</c>; the layout test compiles the header and compares sizes and offsets.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDetectorOptions
{
    public int MinFacePixels;
    public float ScaleFactor;
    public int MinNeighbors;
    public int SmileMinNeighbors;
    public float ProfileScale;
    public int OpencvThreads;
}
