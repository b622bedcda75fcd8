using Highlights.Grains.Signals.Visual;

namespace Highlights.Grains.Signals.Native;

/// <summary><see cref="IFrameAnalyzer"/> over the native shim: OpenCV Haar cascades for frontal and profile faces and smiles.</summary>
internal sealed class HaarFrameAnalyzer : IFrameAnalyzer
{
    /// <summary>Faces reported per frame at most; a crowd beyond this adds nothing to the signals.</summary>
    public const int MaxFaces = 32;

    /// <summary>HV_FACE_PROFILE in the header.</summary>
    private const int ProfileKind = 1;

    private readonly SafeDetectorHandle handle;
    private readonly NativeFace[] faces = new NativeFace[MaxFaces];

    private HaarFrameAnalyzer(SafeDetectorHandle handle) => this.handle = handle;

    public static HaarFrameAnalyzer Create(HaarCascadeFiles cascades, NativeDetectorOptions options)
    {
        int abi;
        try
        {
            abi = VisionInterop.AbiVersionOfLibrary();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new InvalidOperationException(VisionLibrary.NotFoundMessage(ex), ex);
        }

        if (abi != VisionInterop.AbiVersion)
        {
            throw new InvalidOperationException(
                $"{VisionLibrary.FileName} speaks ABI {abi}, this program needs {VisionInterop.AbiVersion}: run scripts/setup.sh to rebuild it");
        }

        var handle = VisionInterop.CreateDetector(cascades.Frontal, cascades.Profile, cascades.Smile, in options);
        if (handle.IsInvalid)
        {
            var message = VisionInterop.LastErrorMessage();
            handle.Dispose();
            throw new InvalidOperationException($"face detector: {message} (is opencv-data installed? run scripts/setup.sh)");
        }

        return new HaarFrameAnalyzer(handle);
    }

    public unsafe IReadOnlyList<DetectedFace> FindFaces(ReadOnlySpan<byte> grey, int width, int height, int stride)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(grey.Length, checked((stride * (height - 1)) + width), nameof(grey));
        int status, count;
        fixed (byte* pixels = grey)
        fixed (NativeFace* output = faces)
        {
            status = VisionInterop.Detect(handle, pixels, width, height, stride, output, faces.Length, out count);
        }

        if (status != VisionInterop.Ok)
        {
            throw new InvalidOperationException($"face detection failed ({status}): {VisionInterop.LastErrorMessage()}");
        }

        var result = new DetectedFace[count];
        for (var i = 0; i < count; i++)
        {
            var f = faces[i];
            result[i] = new DetectedFace(f.X, f.Y, f.Width, f.Height, f.Kind == ProfileKind, f.SmileScore);
        }

        return result;
    }

    public void Dispose() => handle.Dispose();
}
