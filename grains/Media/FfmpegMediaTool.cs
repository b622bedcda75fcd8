using Highlights.Grains.Edl;
using Highlights.Grains.Loudness;
using Highlights.Grains.Processes;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Media;

/// <summary><see cref="IMediaTool"/> over the ffmpeg and ffprobe executables.</summary>
public sealed class FfmpegMediaTool(IOptions<MediaToolOptions> options) : IMediaTool
{
    private readonly MediaToolOptions settings = options.Value;

    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var command = ProcessCommand.Of(settings.FfprobePath, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path);
        var result = await RunFfprobeAsync(command, new ProcessRunOptions { CaptureOutput = true }, path, cancellationToken);
        return FfprobeReport.Read(result.StandardOutput);
    }

    public async Task<int> CountPacketsNearEndAsync(string path, double durationSeconds, CancellationToken cancellationToken)
    {
        var from = Math.Max(0, durationSeconds - 3);
        var command = ProcessCommand.Of(
            settings.FfprobePath, "-v", "error", "-read_intervals", $"{ProcessCommand.Seconds(from)}%+#4",
            "-show_entries", "packet=pos", "-of", "csv=p=0", path);
        var result = await RunFfprobeAsync(command, new ProcessRunOptions { CaptureOutput = true }, path, cancellationToken);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    public async Task<IReadOnlyList<VideoPacket>> ReadVideoPacketsAsync(string path, int streamIndex, CancellationToken cancellationToken)
    {
        var packets = new List<VideoPacket>();
        var start = 0.0;
        var command = ProcessCommand.Of(
            settings.FfprobePath, "-v", "error", "-select_streams", streamIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-show_entries", "packet=pts_time,size,flags:format=start_time", "-of", "csv", path);
        void Read(string line)
        {
            if (line.StartsWith("packet,", StringComparison.Ordinal) && VideoPacket.Parse(line["packet,".Length..]) is { } packet)
            {
                packets.Add(packet);
            }
            else if (line.StartsWith("format,", StringComparison.Ordinal)
                && double.TryParse(line["format,".Length..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var at))
            {
                start = at;
            }
        }

        await RunFfprobeAsync(command, new ProcessRunOptions { GracefulStop = settings.GracefulStop, OnOutputLine = Read }, path, cancellationToken);

        // Timed from the file's start, as ffmpeg's seeks and decoded frames are (an MPEG-TS often starts at 1.4 s);
        // demux order is decode order, which B-frames make differ from presentation order.
        return [.. packets.Select(p => p with { Time = p.Time - start }).OrderBy(p => p.Time)];
    }

    /// <summary>Runs ffprobe over <paramref name="path"/>; a failure is the file being unreadable, with ffprobe's reason.</summary>
    private static async Task<ProcessResult> RunFfprobeAsync(ProcessCommand command, ProcessRunOptions runOptions, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync(command, runOptions, cancellationToken);
        }
        catch (ProcessFailedException ex)
        {
            throw new MediaUnreadableException(ReasonFrom(ex.StandardErrorTail, path));
        }
    }

    public async Task<LoudnessMeasurement?> MeasureLoudnessAsync(
        string path, int audioStreamIndex, double durationSeconds, Action<double>? onProgress, CancellationToken cancellationToken)
    {
        var parser = new FfmpegProgressParser();

        // ebur128 prints its summary at level info, after everything else: the stderr tail holds it. Its per-frame
        // lines go to verbose, below the tail.
        var command = ProcessCommand.Of(
            settings.FfmpegPath, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info", "-progress", "pipe:1",
            "-i", path, "-map", $"0:{audioStreamIndex}", "-vn", "-sn", "-dn",
            "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-");
        var runOptions = new ProcessRunOptions
        {
            GracefulStop = settings.GracefulStop,
            ErrorTailLines = 60,
            OnOutputLine = line =>
            {
                if (parser.Accept(line) is { } progress && onProgress is not null && durationSeconds > 0)
                {
                    onProgress(progress.IsEnd ? 1 : Math.Clamp(progress.OutTimeSeconds / durationSeconds, 0, 1));
                }
            },
        };
        var result = await ProcessRunner.RunAsync(command, runOptions, cancellationToken);
        return Ebur128Summary.Parse(result.StandardErrorTail);
    }

    public async Task RunFfmpegAsync(
        IReadOnlyList<string> arguments, double expectedOutputSeconds, Action<double>? onProgress, CancellationToken cancellationToken)
    {
        var parser = new FfmpegProgressParser();
        var command = new ProcessCommand(
            settings.FfmpegPath,
            ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-progress", "pipe:1", "-y", .. arguments]);
        var runOptions = new ProcessRunOptions
        {
            GracefulStop = settings.GracefulStop,
            OnOutputLine = line =>
            {
                if (parser.Accept(line) is { } progress && onProgress is not null && expectedOutputSeconds > 0)
                {
                    onProgress(progress.IsEnd ? 1 : Math.Clamp(progress.OutTimeSeconds / expectedOutputSeconds, 0, 1));
                }
            },
        };
        await ProcessRunner.RunAsync(command, runOptions, cancellationToken);
    }

    /// <summary>ffprobe prefixes its last line with the path; the reason is what follows.</summary>
    private static string ReasonFrom(string errorTail, string path)
    {
        var lines = errorTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return "ffprobe failed without a message";
        }

        var detail = lines.FirstOrDefault(l => l.Contains("moov atom not found", StringComparison.Ordinal));
        var last = lines[^1].StartsWith(path + ":", StringComparison.Ordinal) ? lines[^1][(path.Length + 1)..].Trim() : lines[^1];
        return detail is null ? last : $"{last} (moov atom not found: truncated or incomplete MP4)";
    }
}
