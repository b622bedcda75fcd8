namespace Highlights.Grains.Media;

/// <summary>The pipeline's only door to ffmpeg/ffprobe.</summary>
public interface IMediaTool
{
    /// <summary>Describes the file; throws <see cref="MediaUnreadableException"/> when ffprobe cannot read it.</summary>
    Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken);

    /// <summary>How many packets can actually be read in the last seconds of the file: zero means it is truncated.</summary>
    Task<int> CountPacketsNearEndAsync(string path, double durationSeconds, CancellationToken cancellationToken);

    /// <summary>
    /// Every packet of one video stream, in presentation order, read by the demuxer alone (nothing decoded): the
    /// coarse visual pass's input.
    /// </summary>
    Task<IReadOnlyList<VideoPacket>> ReadVideoPacketsAsync(string path, int streamIndex, CancellationToken cancellationToken);

    /// <summary>
    /// Integrated loudness, true peak, loudness range and gating threshold of one audio stream over the whole file
    /// (ffmpeg loudnorm's first pass); null when the stream is silent.
    /// </summary>
    Task<Edl.LoudnessMeasurement?> MeasureLoudnessAsync(string path, int audioStreamIndex, double durationSeconds, Action<double>? onProgress, CancellationToken cancellationToken);

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (inputs, filters, outputs), reporting the fraction of <paramref name="expectedOutputSeconds"/> written.</summary>
    Task RunFfmpegAsync(IReadOnlyList<string> arguments, double expectedOutputSeconds, Action<double>? onProgress, CancellationToken cancellationToken);
}
