using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;

namespace Highlights.Grains.Loudness;

/// <summary>
/// First loudness pass: ffmpeg's loudnorm measures the whole source's audio (no video is decoded, so it runs many times
/// faster than real time). Every segment of the reel is later normalised from these same values.
/// </summary>
public sealed class LoudnessStage(IMediaTool media) : VideoStage<LoudnessResult>
{
    public override string Name => StageNames.Loudness;

    protected override async Task<LoudnessResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        if (probe.Media.Audio is not { } audio)
        {
            return new LoudnessResult(null, "no audio stream");
        }

        var measured = await media.MeasureLoudnessAsync(
            context.SourcePath(), audio.Index, probe.Media.DurationSeconds, fraction => context.ReportProgress(fraction), cancellationToken);
        return new LoudnessResult(measured, measured is null ? "the audio is silent" : null);
    }
}
