using System.Runtime.InteropServices;

namespace Highlights.Grains.Signals.Native;

/// <summary>The C API of native/include/highlights_vision.h, and nothing else. Status codes are the header's HV_*.</summary>
internal static partial class VisionInterop
{
    public const string Library = "highlights_vision";

    /// <summary>HV_ABI_VERSION this binding was written against.</summary>
    public const int AbiVersion = 1;

    public const int Ok = 0;

    [LibraryImport(Library, EntryPoint = "hv_abi_version")]
    public static partial int AbiVersionOfLibrary();

    [LibraryImport(Library, EntryPoint = "hv_detector_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SafeDetectorHandle CreateDetector(string frontalPath, string? profilePath, string smilePath, in NativeDetectorOptions options);

    [LibraryImport(Library, EntryPoint = "hv_detect")]
    public static unsafe partial int Detect(
        SafeDetectorHandle detector, byte* pixels, int width, int height, int stride, NativeFace* faces, int capacity, out int faceCount);

    [LibraryImport(Library, EntryPoint = "hv_detector_destroy")]
    public static partial void DestroyDetector(IntPtr detector);

    [LibraryImport(Library, EntryPoint = "hv_last_error")]
    public static partial IntPtr LastError();

    /// <summary>The calling thread's last native failure as text.</summary>
    public static string LastErrorMessage() => Marshal.PtrToStringUTF8(LastError()) is { Length: > 0 } message ? message : "no message";
}
