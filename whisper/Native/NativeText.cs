using System.Runtime.InteropServices;
using System.Text;

namespace Highlights.Whisper.Native;

/// <summary>Reads the NUL-terminated UTF-8 strings whisper.cpp returns (owned by whisper.cpp: copied, never freed).</summary>
internal static unsafe class NativeText
{
    public static ReadOnlySpan<byte> Bytes(byte* text) =>
        text == null ? [] : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text);

    public static string String(byte* text) => Encoding.UTF8.GetString(Bytes(text));
}
