using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary><c>struct whisper_aheads</c> (custom DTW alignment heads; unused, present for the layout).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperAheads
{
    public nuint n_heads;
    public nint heads;
}
