namespace Highlights.Grains.Signals.Visual;

/// <summary>A scene cut at <paramref name="Time"/> seconds; <paramref name="Strength"/> 0..1.</summary>
public readonly record struct SceneCutAt(double Time, double Strength);

/// <summary>
/// The visual measurements on the step grid in their own units, before <see cref="VisualSignals"/> scales them:
/// motion (mean absolute frame difference), faces, largest face, smile, a cut flag per step and the cuts themselves.
/// Built from decoded frames (<see cref="From(VisualFrames, double, int)"/>) or from the coarse pass
/// (<see cref="CoarseVisual"/>), and combined by <see cref="Overlay"/>. Pure.
/// </summary>
public sealed record VisualSteps(float[] Motion, float[] FaceCount, float[] LargestFace, float[] Smile, float[] SceneCut, IReadOnlyList<SceneCutAt> Cuts)
{
    public int Steps => Motion.Length;

    /// <summary>Frames decoded from <paramref name="offsetSeconds"/> on, moved onto <paramref name="steps"/> steps starting there.</summary>
    public static VisualSteps From(VisualFrames frames, double stepSeconds, int steps, double offsetSeconds = 0)
    {
        var frameSeconds = 1 / frames.FrameRate;
        var faceSeconds = 1 / frames.FaceRate;
        var cuts = new List<SceneCutAt>();
        for (var i = 0; i < frames.SceneCut.Length; i++)
        {
            if (frames.SceneCut[i])
            {
                cuts.Add(new SceneCutAt(Math.Round(offsetSeconds + (i * frameSeconds), 3), Math.Round(Math.Min(1, frames.HistogramDistance[i]), 3)));
            }
        }

        return new VisualSteps(
            StepResampler.Mean(frames.Motion, frameSeconds, stepSeconds, steps),
            StepResampler.Mean(frames.FaceCount, faceSeconds, stepSeconds, steps),
            StepResampler.Max(frames.LargestFace, faceSeconds, stepSeconds, steps),
            StepResampler.Max(frames.Smile, faceSeconds, stepSeconds, steps),
            StepResampler.Max([.. frames.SceneCut.Select(c => c ? 1f : 0f)], frameSeconds, stepSeconds, steps),
            cuts);
    }

    /// <summary>
    /// The coarse steps with each fine window's steps written over them. The coarse motion proxy is in other units
    /// (bytes of coded picture), so it is first rescaled by how the two compare inside the windows; coarse cuts inside
    /// a window give way to the fine ones.
    /// </summary>
    /// <param name="windows">Fine results, each starting at step <c>FirstStep</c>, in time order, not overlapping.</param>
    public static VisualSteps Overlay(VisualSteps coarse, IReadOnlyList<(int FirstStep, VisualSteps Fine)> windows, double stepSeconds)
    {
        var motion = MotionCalibration.Apply(coarse.Motion, windows);
        var faces = (float[])coarse.FaceCount.Clone();
        var largest = (float[])coarse.LargestFace.Clone();
        var smile = (float[])coarse.Smile.Clone();
        var cutFlags = (float[])coarse.SceneCut.Clone();
        var cuts = new List<SceneCutAt>();
        foreach (var (first, fine) in windows)
        {
            var count = Math.Min(fine.Steps, coarse.Steps - first);
            Array.Copy(fine.Motion, 0, motion, first, count);
            Array.Copy(fine.FaceCount, 0, faces, first, count);
            Array.Copy(fine.LargestFace, 0, largest, first, count);
            Array.Copy(fine.Smile, 0, smile, first, count);
            Array.Copy(fine.SceneCut, 0, cutFlags, first, count);
            cuts.AddRange(fine.Cuts);
        }

        bool InWindow(double time) => windows.Any(w => time >= w.FirstStep * stepSeconds - 1e-9 && time < (w.FirstStep + w.Fine.Steps) * stepSeconds - 1e-9);
        cuts.AddRange(coarse.Cuts.Where(c => !InWindow(c.Time)));
        return new VisualSteps(motion, faces, largest, smile, cutFlags, [.. cuts.OrderBy(c => c.Time)]);
    }
}
