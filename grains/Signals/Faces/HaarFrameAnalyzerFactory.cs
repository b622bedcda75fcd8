using Highlights.Grains.Signals.Visual;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace Highlights.Grains.Signals.Faces;

/// <summary>Makes one <see cref="HaarFrameAnalyzer"/> per worker thread from the <c>Signals</c> options.</summary>
public sealed class HaarFrameAnalyzerFactory(IOptions<SignalsOptions> options) : IFrameAnalyzerFactory
{
    private static readonly Lazy<bool> SingleThreadedOpenCv = new(() =>
    {
        // Frames are searched in parallel, one detector per worker: OpenCV's own threads would only compete.
        Cv2.SetNumThreads(1);
        return true;
    });

    public IFrameAnalyzer Create()
    {
        var settings = options.Value;
        try
        {
            _ = SingleThreadedOpenCv.Value;
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException)
        {
            throw new InvalidOperationException(
                $"face detector: OpenCV's native library (OpenCvSharpExtern) cannot be loaded: {ex.GetBaseException().Message} (is libgtk-3-0 installed? run scripts/setup.sh)", ex);
        }

        return HaarFrameAnalyzer.Create(
            HaarCascadeFiles.In(settings.CascadeDirectory, settings.ProfileFaces),
            new HaarDetectorSettings(settings.MinFacePixels, settings.ScaleFactor, settings.MinNeighbors, settings.SmileMinNeighbors, settings.ProfileScale));
    }
}
