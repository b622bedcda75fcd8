using Highlights.Grains.Captions;
using Highlights.Grains.Signals.Audio;
using Highlights.Grains.Signals.Visual;

namespace Highlights.Grains.Signals;

/// <summary>Assembles the signals document from the audio and visual measurements and the transcript. Pure.</summary>
public static class SignalsBuilder
{
    public static SignalsDocument Build(string videoId, double durationSeconds, double stepSeconds, AudioSignals audio, VisualFrames frames, IReadOnlyList<Cue> cues) =>
        Build(
            videoId, durationSeconds, stepSeconds, audio,
            VisualSteps.From(frames, stepSeconds, StepCount(durationSeconds, stepSeconds)),
            new SignalInputs(audio.Present, cues.Count > 0, frames.Frames, frames.FrameRate, frames.FaceRate, frames.Format.Width, frames.Format.Height),
            cues);

    /// <param name="inputs">What was measured; its transcript and audio flags are taken from <paramref name="cues"/> and <paramref name="audio"/>.</param>
    public static SignalsDocument Build(string videoId, double durationSeconds, double stepSeconds, AudioSignals audio, VisualSteps visualSteps, SignalInputs inputs, IReadOnlyList<Cue> cues)
    {
        var steps = StepCount(durationSeconds, stepSeconds);
        var visual = VisualSignals.Build(visualSteps, stepSeconds);
        float[]? speech = null;
        var speechScale = 0.0;
        if (cues.Count > 0)
        {
            (speech, speechScale) = UnitScaler.Scale(SpeechRate.PerStep(cues, stepSeconds, steps), minimumScale: 0.5);
        }

        var events = audio.Events.Concat(visual.Events).OrderBy(e => e.Start).ThenBy(e => e.Type, StringComparer.Ordinal).ToList();
        return new SignalsDocument(
            SignalsDocument.CurrentVersion,
            videoId,
            Math.Round(durationSeconds, 3),
            stepSeconds,
            steps,
            inputs with { HasAudio = audio.Present, HasTranscript = cues.Count > 0 },
            new SignalSeries(audio.Loudness, audio.Excitement, speech, visual.FaceCount, visual.LargestFace, visual.Smile, visual.Motion, visual.SceneCut, visual.Reaction),
            new SignalScales(Math.Round(speechScale, 4), Math.Round(visual.FaceScale, 4), Math.Round(visual.LargestFaceScale, 4), Math.Round(visual.SmileScale, 4), Math.Round(visual.MotionScale, 5)),
            events);
    }

    /// <summary>Steps covering the whole duration; a last partial step counts.</summary>
    public static int StepCount(double durationSeconds, double stepSeconds) =>
        durationSeconds <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling((durationSeconds / stepSeconds) - 1e-9));
}
