using System.Diagnostics;
using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Probe;
using Highlights.Grains.Signals.Audio;
using Highlights.Grains.Signals.Visual;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Signals;

/// <summary>
/// Audio excitement and visual reaction series per step, with events. Audio comes from the extracted PCM and the
/// energy stage's loudness (not recomputed); frames are decoded at a low rate and analysed in memory as they arrive.
/// </summary>
public sealed class SignalsStage(VisualAnalyzer visual, IOptions<SignalsOptions> options) : VideoStage<SignalsResult>
{
    /// <summary>Share of the stage's progress bar given to the audio half (it is much faster than the visual one).</summary>
    private const double AudioShare = 0.05;

    public override string Name => StageNames.Signals;

    protected override async Task<SignalsResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var pcm = context.Require<PcmAudio>(StageNames.Audio);
        var transcript = context.Require<Transcript>(StageNames.Transcript);
        var energy = context.Require<EnergySeries>(StageNames.Energy);
        var duration = probe.Media.DurationSeconds;
        var steps = SignalsBuilder.StepCount(duration, settings.StepSeconds);

        var started = Stopwatch.GetTimestamp();
        var audio = AudioSignals.Silent(steps);
        if (pcm.Present && pcm.FileName is not null)
        {
            var features = await AudioFeatureReader.ReadAsync(
                Path.Combine(context.WorkDirectory, pcm.FileName), pcm.SampleRate, f => context.ReportProgress(f * AudioShare, "audio"), cancellationToken);
            audio = AudioSignals.Build(energy, features, settings.StepSeconds, steps);
        }

        var audioSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        var video = probe.Media.Video!;
        var format = FrameFormat.For(video.Width, video.Height, settings.FrameWidth, settings.FrameRate);
        var workers = settings.Workers > 0 ? settings.Workers : Environment.ProcessorCount;
        var frames = await visual.AnalyseAsync(
            context.SourcePath(), video.Index, format, settings.FaceRate, workers, duration,
            f => context.ReportProgress(AudioShare + (f * (1 - AudioShare)), "frames"), cancellationToken);
        var visualSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var document = SignalsBuilder.Build(context.State.VideoId, duration, settings.StepSeconds, audio, frames, transcript.Cues);
        return new SignalsResult(document, new SignalsTiming(Math.Round(audioSeconds, 3), Math.Round(visualSeconds, 3)));
    }
}
