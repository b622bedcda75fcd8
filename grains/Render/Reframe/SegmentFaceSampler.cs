using System.Buffers;
using System.Globalization;
using Highlights.Grains.Media;
using Highlights.Grains.Processes;
using Highlights.Grains.Signals.Visual;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// Searches one stretch of a video for faces: ffmpeg seeks to it and streams grey frames at the face rate, scaled as
/// the signals stage scales them (the detector's settings are tuned for that size), straight into the detector.
/// </summary>
public sealed class SegmentFaceSampler(IOptions<MediaToolOptions> options)
{
    public async Task<IReadOnlyList<FaceSample>> SampleAsync(
        string path, int streamIndex, double start, double end, FrameFormat format, IFrameAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var command = new ProcessCommand(
            settings.FfmpegPath,
            [
                "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
                "-ss", ProcessCommand.Seconds(start), "-t", ProcessCommand.Seconds(end - start), "-i", path,
                "-map", $"0:{streamIndex.ToString(CultureInfo.InvariantCulture)}", "-an", "-sn", "-dn",
                "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={format.Rate},scale={format.Width}:{format.Height}:flags=area,format=gray"),
                "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
            ]);
        var samples = new List<FaceSample>();
        await ProcessRunner.RunAsync(
            command,
            new ProcessRunOptions
            {
                GracefulStop = settings.GracefulStop,
                OutputConsumer = async (stdout, ct) =>
                {
                    var frame = ArrayPool<byte>.Shared.Rent(format.FrameBytes);
                    try
                    {
                        while (await stdout.ReadAtLeastAsync(frame.AsMemory(0, format.FrameBytes), format.FrameBytes, throwOnEndOfStream: false, ct) == format.FrameBytes)
                        {
                            var faces = analyzer.FindFaces(frame.AsSpan(0, format.FrameBytes), format.Width, format.Height, format.Width);
                            samples.Add(new FaceSample(
                                Math.Round(start + (samples.Count / format.Rate), 4),
                                [.. faces.Select(f => new FaceBox(f.X / (double)format.Width, f.Y / (double)format.Height, f.Width / (double)format.Width, f.Height / (double)format.Height))]));
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(frame);
                    }
                },
            },
            cancellationToken);
        return samples;
    }
}
