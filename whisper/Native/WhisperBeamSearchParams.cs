using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>The anonymous <c>beam_search</c> struct inside <c>whisper_full_params</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperBeamSearchParams
{
    public int beam_size;
    public float patience;
}
