namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// Turns face samples into the point the crop should centre on, over time. The subject is the largest face, except
/// that the face being followed keeps the part while it stays nearly as large (no flipping between two speakers).
/// A move smaller than the dead zone is ignored: detectors wobble by a few pixels, and a crop must not. When faces
/// vanish, the last subject is held for <c>hold</c> seconds, then the target returns to the centre.
/// </summary>
public sealed class SubjectTracker(double deadZone, double holdSeconds, double centre)
{
    /// <summary>A followed face keeps the part while it is at least this share of the largest face's area.</summary>
    public const double KeepShare = 0.6;

    private double? target;
    private double? lastFaceX;
    private double lastSeen = double.NegativeInfinity;

    /// <summary>The centre-x (fraction of the picture's width) to aim at after <paramref name="sample"/>.</summary>
    public double Update(FaceSample sample)
    {
        if (sample.Faces.Count == 0)
        {
            if (sample.Time - lastSeen > holdSeconds)
            {
                lastFaceX = null;
                Move(centre);
            }

            return target ?? centre;
        }

        var largest = sample.Faces.MaxBy(f => f.Area)!;
        var subject = largest;
        if (lastFaceX is { } followed)
        {
            var nearest = sample.Faces.MinBy(f => Math.Abs(f.CentreX - followed))!;
            if (nearest.Area >= KeepShare * largest.Area)
            {
                subject = nearest;
            }
        }

        lastFaceX = subject.CentreX;
        lastSeen = sample.Time;
        Move(subject.CentreX);
        return target!.Value;
    }

    private void Move(double x)
    {
        if (target is not { } current || Math.Abs(x - current) > deadZone)
        {
            target = x;
        }
    }
}
