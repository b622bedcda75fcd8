using Highlights.Grains.Media;
using Highlights.Grains.Processes;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Signals.Visual;

/// <summary><see cref="IFrameSource"/> over ffmpeg: raw grey frames on its stdout, read straight into memory.</summary>
public sealed class FfmpegFrameSource(IOptions<MediaToolOptions> options) : IFrameSource
{
    public Task StreamAsync(string path, int streamIndex, FrameFormat format, FrameSelection selection, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var command = new ProcessCommand(
            settings.FfmpegPath,
            ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", .. FrameDecodeArguments.For(path, streamIndex, format, selection)]);
        return ProcessRunner.RunAsync(command, new ProcessRunOptions { OutputConsumer = consume, GracefulStop = settings.GracefulStop }, cancellationToken);
    }
}
