using System.Runtime.InteropServices;

namespace Highlights.Grains.Signals.Audio;

/// <summary>Streams the extracted f32 PCM file through a <see cref="SpectralAnalyzer"/> in fixed blocks; nothing is copied to other files.</summary>
public static class AudioFeatureReader
{
    private const int BlockSamples = 64 * 1024;

    public static async Task<AudioFeatures> ReadAsync(string pcmPath, int sampleRate, Action<double>? progress, CancellationToken cancellationToken)
    {
        var analyzer = new SpectralAnalyzer(sampleRate);
        var buffer = new byte[BlockSamples * sizeof(float)];
        await using var stream = new FileStream(pcmPath, FileMode.Open, FileAccess.Read, FileShare.Read, buffer.Length, useAsync: true);
        long read = 0;
        while (true)
        {
            var count = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (count < sizeof(float))
            {
                break;
            }

            analyzer.Process(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, count - (count % sizeof(float)))));
            read += count;
            progress?.Invoke(stream.Length == 0 ? 1 : read / (double)stream.Length);
        }

        var (flatness, flux) = analyzer.Finish();
        return new AudioFeatures(analyzer.WindowSeconds, flatness, flux);
    }
}
