using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;

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

        var samples = await PcmDecoder.DecodeAsync(
            media,
            context.SourcePath(),
            probe.Media.Audio.Index,
            probe.Media.DurationSeconds,
            Path.Combine(context.WorkDirectory, PcmFileName),
            fraction => context.ReportProgress(fraction),
            cancellationToken);
        return new PcmAudio(true, PcmFileName, PcmAudio.WhisperSampleRate, samples);
    }
}
