using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary><c>whisper_vad_params</c>, embedded in <see cref="WhisperFullParams"/> (VAD stays off here).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperVadParams
{
    public float threshold;
    public int min_speech_duration_ms;
    public int min_silence_duration_ms;
    public float max_speech_duration_s;
    public int speech_pad_ms;
    public float samples_overlap;
}
