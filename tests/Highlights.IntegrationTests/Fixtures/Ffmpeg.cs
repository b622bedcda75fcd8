using System.Globalization;
using Highlights.Grains.Media;
using Highlights.Grains.Processes;
using Microsoft.Extensions.Options;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>Real ffmpeg/ffprobe for making fixtures and measuring outputs.</summary>
public static class Ffmpeg
{
    public static IMediaTool Tool { get; } = new FfmpegMediaTool(Options.Create(new MediaToolOptions()));

    public static Task RunAsync(params string[] arguments) => Tool.RunFfmpegAsync(arguments, 0, null, CancellationToken.None);

    public static Task<MediaInfo> ProbeAsync(string path) => Tool.ProbeAsync(path, CancellationToken.None);

    /// <summary>Duration of one stream as ffprobe reports it from the container.</summary>
    public static async Task<double> StreamDurationAsync(string path, string selector)
    {
        var result = await ProcessRunner.RunAsync(
            ProcessCommand.Of("ffprobe", "-v", "error", "-select_streams", selector, "-show_entries", "stream=duration", "-of", "csv=p=0", path),
            new ProcessRunOptions { CaptureOutput = true },
            CancellationToken.None);
        return double.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Number of decoded video frames.</summary>
    public static async Task<long> CountFramesAsync(string path)
    {
        var result = await ProcessRunner.RunAsync(
            ProcessCommand.Of("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path),
            new ProcessRunOptions { CaptureOutput = true },
            CancellationToken.None);
        return long.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>One decoded frame as 64x36 grey bytes, for comparing pictures across encodes.</summary>
    public static async Task<byte[]> GreyThumbnailAsync(string path, long frameIndex)
    {
        var file = Path.Combine(Path.GetTempPath(), $"thumb-{Guid.NewGuid():N}.gray");
        try
        {
            await RunAsync("-i", path, "-vf", $"select=eq(n\\,{frameIndex}),scale=64:36,format=gray", "-frames:v", "1", "-f", "rawvideo", file);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
