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

    public static VisualSignals Build(VisualFrames frames, double stepSeconds, int steps) =>
        Build(VisualSteps.From(frames, stepSeconds, steps), stepSeconds);

    public static VisualSignals Build(VisualSteps raw, double stepSeconds)
    {
        var steps = raw.Steps;
        var (motion, motionScale) = UnitScaler.Scale(raw.Motion, MinimumMotion);
        var (faces, faceScale) = UnitScaler.Scale(raw.FaceCount, MinimumFaces);
        var (largest, largestScale) = UnitScaler.Scale(raw.LargestFace, MinimumLargestFace);
        var (smile, smileScale) = UnitScaler.Scale(raw.Smile, MinimumSmile);
        var cuts = raw.SceneCut;

        var combined = new float[steps];
        for (var i = 0; i < steps; i++)
        {
            combined[i] = (float)((MotionWeight * motion[i]) + (SmileWeight * smile[i]) + (FaceWeight * largest[i]));
        }

        var (reaction, _) = UnitScaler.Scale(combined, MinimumReaction);
        var events = raw.Cuts.Select(c => new SignalEvent(SignalEventTypes.SceneCut, c.Time, c.Time, c.Time, c.Strength)).ToList();
        events.AddRange(PeakFinder.Find(reaction, stepSeconds, SignalEventTypes.ReactionPeak, PeakThreshold));
        return new VisualSignals(faces, largest, smile, motion, cuts, reaction, faceScale, largestScale, smileScale, motionScale, events);
    }
}
