using Highlights.Grains.Edl;
using Highlights.Grains.Render;

namespace Highlights.UnitTests.Edl;

public sealed class EdlTransitionsTests
{
    internal static EdlDocument Edl(params (long Start, long End)[] frames)
    {
        var segments = frames.Select((f, i) => new EdlSegment($"s{i + 1:000}", f.Start / 25.0, f.End / 25.0, f.Start, f.End, 1, [], string.Empty)).ToList();
        return new EdlDocument(
            1, "0123456789abcdef0123", new EdlSource("/m/talk.mp4", new string('a', 64), 600, 1280, 720, 25, true), 60,
            segments.Sum(s => s.Duration), new EdlSelector("offline", "v", []), segments, new RenderOptions().ToSettings(false));
    }

    [Fact]
    public void Every_boundary_gets_the_crossfade_and_the_reel_is_shorter_by_the_overlaps()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (200, 300), (400, 500)), TimeSpan.FromMilliseconds(400));

        Assert.Null(edl.Segments[0].Transition);
        Assert.All(edl.Segments.Skip(1), s => Assert.Equal(new EdlTransition(TransitionKind.Crossfade, 10, 0.4), s.Transition));
        Assert.Equal(12 - 0.8, edl.ReelDuration!.Value, 6);
        Assert.Equal(280, ReelTimeline.ReelFrames(edl.Segments));
        Assert.Equal([0L, 90, 180], ReelTimeline.RecordStartFrames(edl.Segments));
    }

    [Fact]
    public void A_crossfade_takes_at_most_half_of_the_shorter_neighbour()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (200, 206)), TimeSpan.FromSeconds(2));

        Assert.Equal(3, edl.Segments[1].OverlapFrames);
    }

    [Fact]
    public void Neighbours_continuous_in_the_source_are_cut()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (100, 200)), TimeSpan.FromMilliseconds(400));

        Assert.Equal(EdlTransition.Cut, edl.Segments[1].Transition);
        Assert.Equal(8, edl.ReelDuration!.Value, 6);
    }

    [Fact]
    public void Zero_crossfade_cuts_everywhere()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (200, 300)), TimeSpan.Zero);

        Assert.Equal(EdlTransition.Cut, edl.Segments[1].Transition);
        Assert.Equal(edl.TotalDuration, edl.ReelDuration);
    }
}
