using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>The anonymous <c>greedy</c> struct inside <c>whisper_full_params</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperGreedyParams
{
    public int best_of;
}
