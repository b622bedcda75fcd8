using System.Globalization;
using Highlights.Grains.Media;
using Highlights.Grains.State;

namespace Highlights.Grains.Audio;

/// <summary>Decodes one audio stream to 16 kHz mono 32-bit float PCM (Whisper's input), written beside the target and renamed in.</summary>
public static class PcmDecoder
{
    /// <returns>The number of samples written.</returns>
    public static async Task<long> DecodeAsync(
        IMediaTool media,
        string source,
        int audioStreamIndex,
        double durationSeconds,
        string target,
        Action<double>? onProgress,
        CancellationToken cancellationToken)
    {
        await AtomicFile.ProduceAsync(target, temp => media.RunFfmpegAsync(
            [
                "-i", source,
                "-map", $"0:{audioStreamIndex}", "-vn", "-sn", "-dn",
                "-ac", "1", "-ar", PcmAudio.WhisperSampleRate.ToString(CultureInfo.InvariantCulture),
                "-c:a", "pcm_f32le", "-f", "f32le", temp,
            ],
            durationSeconds,
            onProgress,
            cancellationToken));

        return new FileInfo(target).Length / sizeof(float);
    }
}
