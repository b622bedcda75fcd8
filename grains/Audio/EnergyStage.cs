using System.Runtime.InteropServices;
using Highlights.Grains.Actor;

namespace Highlights.Grains.Audio;

/// <summary>Loudness per 100 ms window (RMS dBFS and R128 momentary), streamed from the extracted PCM.</summary>
public sealed class EnergyStage : VideoStage<EnergySeries>
{
    private const int BlockSamples = 16_000;

    public override string Name => StageNames.Energy;

    protected override async Task<EnergySeries> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var pcm = context.Require<PcmAudio>(StageNames.Audio);
        if (!pcm.Present || pcm.FileName is null)
        {
            return EnergySeries.None;
        }

        var analyzer = new LoudnessAnalyzer(pcm.SampleRate);
        var buffer = new byte[BlockSamples * sizeof(float)];
        await using var stream = new FileStream(
            Path.Combine(context.WorkDirectory, pcm.FileName), FileMode.Open, FileAccess.Read, FileShare.Read, buffer.Length, useAsync: true);
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
            context.ReportProgress(stream.Length == 0 ? 1 : read / (double)stream.Length);
        }

        var (rms, momentary) = analyzer.Finish();
        return new EnergySeries(true, analyzer.WindowSeconds, rms, momentary, LoudnessNormaliser.Normalise(momentary));
    }
}
