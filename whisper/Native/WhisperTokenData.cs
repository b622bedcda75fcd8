using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary><c>whisper_token_data</c>: one decoded token. Times are centiseconds from the start of the samples passed in.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperTokenData
{
    public int id;
    public int tid;
    public float p;
    public float plog;
    public float pt;
    public float ptsum;
    public long t0;
    public long t1;
    public long t_dtw;
    public float vlen;
}
