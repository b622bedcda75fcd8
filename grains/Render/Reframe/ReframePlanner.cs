using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// A segment's crop path: the subject's position (<see cref="SubjectTracker"/>) followed frame by frame by a critically
/// damped spring, kept inside the picture, then reduced to keyframes within a pixel of the frame-by-frame path. The
/// crop starts on the subject (a cut never opens with a pan). A segment where no face is seen holds the centre.
/// Only the horizontal position moves: vertical and square crops of landscape sources use the full height.
/// </summary>
public static class ReframePlanner
{
    /// <summary>Keyframes may stray this far (source pixels) from the frame-by-frame path.</summary>
    public const double TolerancePixels = 1;

    public static EdlReframe Plan(EdlSegment segment, double fps, FrameGeometry geometry, IReadOnlyList<FaceSample> samples, ReframeOptions options)
    {
        var inside = samples.Where(s => s.Time >= segment.Start - (0.5 / fps) && s.Time < segment.End).OrderBy(s => s.Time).ToList();
        var firstFace = inside.FirstOrDefault(s => s.Faces.Count > 0);
        if (firstFace is null || geometry.MaxX == 0)
        {
            return new EdlReframe(ReframeTracking.Centre, [new CropKeyframe(0, geometry.CentreX, geometry.CentreY)]);
        }

        var tracker = new SubjectTracker(options.DeadZone, options.Hold.TotalSeconds, 0.5);
        var spring = new CriticallyDampedSpring(options.Stiffness, options.MaxSpeed * geometry.SourceWidth);
        double Left(double centreX) => Math.Clamp((centreX * geometry.SourceWidth) - (geometry.Width / 2.0), 0, geometry.MaxX);

        var target = Left(tracker.Update(firstFace));
        spring.Reset(target);
        var path = new List<(double Time, double Value)>((int)segment.Frames);
        var next = 0;
        for (long frame = 0; frame < segment.Frames; frame++)
        {
            var time = frame / fps;
            while (next < inside.Count && inside[next].Time <= segment.Start + time)
            {
                target = Left(tracker.Update(inside[next++]));
            }

            path.Add((time, frame == 0 ? spring.Position : spring.Step(target, 1 / fps)));
        }

        var keyframes = PathSimplifier.Simplify(path, TolerancePixels)
            .Select(p => new CropKeyframe(Math.Round(p.Time, 4), (int)Math.Round(p.Value), geometry.CentreY))
            .ToList();

        // A crop that never moves is one keyframe: a plain crop, not an expression.
        return new EdlReframe(ReframeTracking.Faces, keyframes.All(k => k.X == keyframes[0].X) ? [keyframes[0]] : keyframes);
    }
}
