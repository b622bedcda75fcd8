using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>
/// <c>struct whisper_context_params</c>. Field names and order are the header's; C <c>bool</c> is a
/// <see cref="byte"/> so the struct stays blittable and the same size as in C (the layout test compares them).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperContextParams
{
    public byte use_gpu;
    public byte flash_attn;
    public int gpu_device;
    public byte dtw_token_timestamps;
    public int dtw_aheads_preset;
    public int dtw_n_top;
    public WhisperAheads dtw_aheads;
    public nuint dtw_mem_size;
}
