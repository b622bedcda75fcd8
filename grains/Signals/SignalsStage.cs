using System.Diagnostics;
using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals.Audio;
using Highlights.Grains.Signals.Visual;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Signals;

/// <summary>
/// Audio excitement and visual reaction series per step, with events. Audio comes from the extracted PCM and the
/// energy stage's loudness (not recomputed). Visual, by <see cref="SignalsOptions.Mode"/>: every frame at a low rate
/// (<c>full</c>), or a coarse pass over packet sizes and keyframes followed by the full analysis only inside the
/// windows a selection over the coarse signals could still choose (<c>coarse-to-fine</c>), so the decode no longer
/// grows with the video.
/// </summary>
public sealed class SignalsStage(VisualAnalyzer visual, IMediaTool media, OfflineSelectorSettings selector, IOptions<SignalsOptions> options) : VideoStage<SignalsResult>
{
    /// <summary>Share of the stage's progress bar given to the audio half (it is much faster than the visual one).</summary>
    private const double AudioShare = 0.05;

    /// <summary>Coarse-to-fine: where the coarse pass's packets and keyframes end on the progress bar.</summary>
    private const double PacketsDone = 0.1;
    private const double KeyframesDone = 0.25;

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
        var fineSeconds = settings.FineShare * context.State.Options.TargetSeconds;
        var document = settings.Mode == SignalsModes.Full || FineWindows.FullPassCheaper(fineSeconds, duration)
            ? await FullAsync(context, probe, audio, transcript.Cues, cancellationToken)
            : await CoarseToFineAsync(context, probe, audio, transcript.Cues, energy, fineSeconds, cancellationToken);
        var visualSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new SignalsResult(document, new SignalsTiming(Math.Round(audioSeconds, 3), Math.Round(visualSeconds, 3)));
    }

    private async Task<SignalsDocument> FullAsync(StageContext context, ProbeResult probe, AudioSignals audio, IReadOnlyList<Cue> cues, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var video = probe.Media.Video!;
        var frames = await visual.AnalyseAsync(
            context.SourcePath(), video.Index, Format(probe), settings.FaceRate, Workers, probe.Media.DurationSeconds,
            f => context.ReportProgress(AudioShare + (f * (1 - AudioShare)), "frames"), cancellationToken);
        return SignalsBuilder.Build(context.State.VideoId, probe.Media.DurationSeconds, settings.StepSeconds, audio, frames, cues);
    }

    private async Task<SignalsDocument> CoarseToFineAsync(
        StageContext context, ProbeResult probe, AudioSignals audio, IReadOnlyList<Cue> cues, EnergySeries energy, double fineSeconds, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var video = probe.Media.Video!;
        var duration = probe.Media.DurationSeconds;
        var step = settings.StepSeconds;
        var steps = SignalsBuilder.StepCount(duration, step);
        var path = context.SourcePath();
        var format = Format(probe);

        context.ReportProgress(AudioShare, "packets");
        var packets = await media.ReadVideoPacketsAsync(path, video.Index, cancellationToken);
        var keyTimes = packets.Where(p => p.Key).Select(p => p.Time).ToList();
        context.ReportProgress(PacketsDone, "keyframes");

        // One "frame per second" and a face search on each: sample j is keyframe j, timed from the packets.
        var keyframes = await visual.AnalyseAsync(
            path, video.Index, format with { Rate = 1 }, faceRate: 1, Workers, Math.Max(1, keyTimes.Count),
            f => context.ReportProgress(PacketsDone + (f * (KeyframesDone - PacketsDone)), "keyframes"), cancellationToken, FrameSelection.Keyframes);
        var coarse = CoarseVisual.Build(packets, keyTimes, keyframes, step, steps);
        var inputs = new SignalInputs(
            audio.Present, cues.Count > 0, keyframes.Frames, format.Rate, settings.FaceRate, format.Width, format.Height,
            SignalsModes.CoarseToFine, [], keyframes.Frames);
        var coarseDocument = SignalsBuilder.Build(context.State.VideoId, duration, step, audio, coarse, inputs, cues);

        // The segments an offline selection over the coarse signals picks for the fine share of the target: the
        // final selection (offline or LLM) chooses among these and their neighbours.
        var candidates = new OfflineSelector(selector).Select(
            new SelectionInput(duration, cues, energy, fineSeconds) { Signals = SelectionSignals.From(coarseDocument), FrameRate = video.FrameRate }, cancellationToken);
        var windows = FineWindows.Around(candidates.Segments.Select(s => (s.Start, s.End)), settings.FinePadSeconds, step, steps, keyTimes);
        var spans = windows.Select(w => (Start: w.Start(step), Length: Math.Min(w.Seconds(step), duration - w.Start(step)))).ToList();
        var measured = await visual.AnalyseAsync(
            path, video.Index, format, settings.FaceRate, Workers, [.. spans.Select(s => (FrameSelection.Window(s.Start, s.Length), s.Length))],
            f => context.ReportProgress(KeyframesDone + (f * (1 - KeyframesDone)), "fine frames"), cancellationToken, settings.FineDecoders);
        var fine = windows.Select((w, i) => (w.FirstStep, VisualSteps.From(measured[i], step, w.Steps, spans[i].Start))).ToList();
        var frames = keyframes.Frames + measured.Sum(m => m.Frames);

        var fineWindows = spans.Select(s => new SignalWindow(Math.Round(s.Start, 3), Math.Round(s.Start + s.Length, 3))).ToList();
        return SignalsBuilder.Build(
            context.State.VideoId, duration, step, audio, VisualSteps.Overlay(coarse, fine, step), inputs with { Frames = frames, FineWindows = fineWindows }, cues);
    }

    private FrameFormat Format(ProbeResult probe) =>
        FrameFormat.For(probe.Media.Video!.Width, probe.Media.Video.Height, options.Value.FrameWidth, options.Value.FrameRate);

    private int Workers => options.Value.Workers > 0 ? options.Value.Workers : Environment.ProcessorCount;
}
