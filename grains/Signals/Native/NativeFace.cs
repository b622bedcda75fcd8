using System.Runtime.InteropServices;

namespace Highlights.Grains.Signals.Native;

/// <summary>Mirror of <c>hv_face</c>; the layout test compiles the header and compares sizes and offsets.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeFace
{
    public int X;
    public int Y;
    public int Width;
    public int Height;
    public int Kind;
    public int SmileNeighbors;
    public float SmileScore;
}
