using Highlights.Grains.Render.Reframe;

namespace Highlights.UnitTests.Render.Reframe;

public sealed class SubjectTrackerTests
{
    private static FaceSample At(double time, params (double X, double Size)[] faces) =>
        new(time, [.. faces.Select(f => new FaceBox(f.X - (f.Size / 2), 0.3, f.Size, f.Size))]);

    [Fact]
    public void The_largest_face_is_followed()
    {
        var tracker = new SubjectTracker(0.04, 1, 0.5);

        Assert.Equal(0.8, tracker.Update(At(0, (0.2, 0.1), (0.8, 0.2))), 6);
    }

    [Fact]
    public void A_followed_face_keeps_the_part_while_it_is_nearly_as_large()
    {
        var tracker = new SubjectTracker(0.04, 1, 0.5);
        tracker.Update(At(0, (0.2, 0.2)));

        Assert.Equal(0.2, tracker.Update(At(0.2, (0.2, 0.18), (0.8, 0.2))), 6);
        Assert.Equal(0.8, tracker.Update(At(0.4, (0.2, 0.1), (0.8, 0.2))), 6);
    }

    [Fact]
    public void Moves_inside_the_dead_zone_are_ignored()
    {
        var tracker = new SubjectTracker(0.04, 1, 0.5);
        tracker.Update(At(0, (0.30, 0.2)));

        Assert.Equal(0.30, tracker.Update(At(0.2, (0.33, 0.2))), 6);
        Assert.Equal(0.36, tracker.Update(At(0.4, (0.36, 0.2))), 6);
    }

    [Fact]
    public void A_lost_face_is_held_then_the_target_returns_to_the_centre()
    {
        var tracker = new SubjectTracker(0.04, 1, 0.5);
        tracker.Update(At(0, (0.2, 0.2)));

        Assert.Equal(0.2, tracker.Update(At(0.9, [])), 6);
        Assert.Equal(0.5, tracker.Update(At(1.1, [])), 6);
    }
}
