namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// The visual half of the signals on the step grid. The combined <see cref="Reaction"/> is what a viewer would call
/// "something happens on screen": movement, faces (the larger, the closer the shot) and smiles. Scene cuts are kept
/// apart: they are edits, not reactions.
/// </summary>
public sealed record VisualSignals(
    float[] FaceCount, float[] LargestFace, float[] Smile, float[] Motion, float[] SceneCut, float[] Reaction,
    double FaceScale, double LargestFaceScale, double SmileScale, double MotionScale, IReadOnlyList<SignalEvent> Events)
{
    public const double MotionWeight = 0.4;
    public const double SmileWeight = 0.35;
    public const double FaceWeight = 0.25;
    public const double PeakThreshold = 0.6;

    /// <summary>Smallest raw values allowed to scale to 1 (see <see cref="UnitScaler"/>).</summary>
    public const double MinimumMotion = 0.01;
    public const double MinimumFaces = 1;
    public const double MinimumLargestFace = 0.1;
    public const double MinimumSmile = 0.75;
    public const double MinimumReaction = 0.1;

    public static VisualSignals Build(VisualFrames frames, double stepSeconds, int steps)
    {
        var frameSeconds = 1 / frames.FrameRate;
        var faceSeconds = 1 / frames.FaceRate;
        var (motion, motionScale) = UnitScaler.Scale(StepResampler.Mean(frames.Motion, frameSeconds, stepSeconds, steps), MinimumMotion);
        var (faces, faceScale) = UnitScaler.Scale(StepResampler.Mean(frames.FaceCount, faceSeconds, stepSeconds, steps), MinimumFaces);
        var (largest, largestScale) = UnitScaler.Scale(StepResampler.Max(frames.LargestFace, faceSeconds, stepSeconds, steps), MinimumLargestFace);
        var (smile, smileScale) = UnitScaler.Scale(StepResampler.Max(frames.Smile, faceSeconds, stepSeconds, steps), MinimumSmile);
        var cutFlags = frames.SceneCut.Select(c => c ? 1f : 0f).ToArray();
        var cuts = StepResampler.Max(cutFlags, frameSeconds, stepSeconds, steps);

        var combined = new float[steps];
        for (var i = 0; i < steps; i++)
        {
            combined[i] = (float)((MotionWeight * motion[i]) + (SmileWeight * smile[i]) + (FaceWeight * largest[i]));
        }

        var (reaction, _) = UnitScaler.Scale(combined, MinimumReaction);
        var events = new List<SignalEvent>();
        for (var i = 0; i < cutFlags.Length; i++)
        {
            if (cutFlags[i] > 0)
            {
                var time = Math.Round(i * frameSeconds, 3);
                events.Add(new SignalEvent(SignalEventTypes.SceneCut, time, time, time, Math.Round(Math.Min(1, frames.HistogramDistance[i]), 3)));
            }
        }

        events.AddRange(PeakFinder.Find(reaction, stepSeconds, SignalEventTypes.ReactionPeak, PeakThreshold));
        return new VisualSignals(faces, largest, smile, motion, cuts, reaction, faceScale, largestScale, smileScale, motionScale, events);
    }
}
