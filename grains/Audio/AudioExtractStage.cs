using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.State;

namespace Highlights.Grains.Audio;

/// <summary>Decodes the first audio stream once to 16 kHz mono float PCM (Whisper's input format) in the work directory.</summary>
public sealed class AudioExtractStage(IMediaTool media) : VideoStage<PcmAudio>
{
    public const string PcmFileName = "audio.f32";

    public override string Name => StageNames.Audio;

    protected override async Task<PcmAudio> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        if (probe.Media.Audio is null)
        {
            return PcmAudio.None;
        }

        var target = Path.Combine(context.WorkDirectory, PcmFileName);
        await AtomicFile.ProduceAsync(target, temp => media.RunFfmpegAsync(
            [
                "-i", context.State.Source.Path,
                "-map", $"0:{probe.Media.Audio.Index}", "-vn", "-sn", "-dn",
                "-ac", "1", "-ar", PcmAudio.WhisperSampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c:a", "pcm_f32le", "-f", "f32le", temp,
            ],
            probe.Media.DurationSeconds,
            fraction => context.ReportProgress(fraction),
            cancellationToken));

        var samples = new FileInfo(target).Length / sizeof(float);
        return new PcmAudio(true, PcmFileName, PcmAudio.WhisperSampleRate, samples);
    }
}
