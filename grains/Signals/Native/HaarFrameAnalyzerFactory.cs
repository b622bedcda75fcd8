using Highlights.Grains.Signals.Visual;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Signals.Native;

/// <summary>Makes one <see cref="HaarFrameAnalyzer"/> per worker from the <c>Signals</c> options.</summary>
public sealed class HaarFrameAnalyzerFactory : IFrameAnalyzerFactory
{
    private readonly SignalsOptions settings;

    public HaarFrameAnalyzerFactory(IOptions<SignalsOptions> options)
    {
        settings = options.Value;
        VisionLibrary.Configure(settings.NativeLibrary);
    }

    public IFrameAnalyzer Create() => HaarFrameAnalyzer.Create(
        HaarCascadeFiles.In(settings.CascadeDirectory, settings.ProfileFaces),
        new NativeDetectorOptions
        {
            MinFacePixels = settings.MinFacePixels,
            ScaleFactor = (float)settings.ScaleFactor,
            MinNeighbors = settings.MinNeighbors,
            SmileMinNeighbors = settings.SmileMinNeighbors,
            ProfileScale = (float)settings.ProfileScale,

            // Frames are searched in parallel, one detector per worker: OpenCV's own threads would only compete.
            OpencvThreads = 1,
        });
}
