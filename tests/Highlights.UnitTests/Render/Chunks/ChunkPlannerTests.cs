using Highlights.Grains.Edl;
using Highlights.Grains.Render.Chunks;
using Highlights.UnitTests.Edl;

namespace Highlights.UnitTests.Render.Chunks;

public sealed class ChunkPlannerTests
{
    private static IEnumerable<string> Ids(EdlDocument chunk) => chunk.Segments.Select(s => s.Id);

    [Fact]
    public void Chunks_hold_every_segment_once_in_order_with_similar_lengths()
    {
        var edl = EdlTransitionsTests.Edl((0, 100), (200, 300), (400, 500), (600, 700), (800, 900), (1000, 1100));

        var chunks = ChunkPlanner.Split(edl, 3);

        Assert.Equal(3, chunks.Count);
        Assert.Equal(edl.Segments.Select(s => s.Id), chunks.SelectMany(Ids));
        Assert.All(chunks, c => Assert.Equal(8, c.ReelDuration!.Value, 6));
        Assert.All(chunks, c => Assert.Equal(8, c.TotalDuration, 6));
    }

    [Fact]
    public void A_chunk_never_ends_inside_a_crossfade_or_between_continuous_segments()
    {
        var edl = EdlTransitions.Apply(EdlTransitionsTests.Edl((0, 100), (200, 300), (300, 400), (500, 600)), TimeSpan.FromMilliseconds(200));
        edl = edl with { Segments = [.. edl.Segments.Select((s, i) => i == 3 ? s with { Transition = EdlTransition.Cut } : s)] };

        var chunks = ChunkPlanner.Split(edl, 4);

        // s002 follows s001 by a crossfade, s003 continues s002: the only place to split is before s004.
        Assert.Equal([["s001", "s002", "s003"], ["s004"]], chunks.Select(c => Ids(c).ToArray()));
        Assert.Null(chunks[1].Segments[0].Transition);
        Assert.Equal(ReelTimelineFrames(edl), chunks.Sum(ReelTimelineFrames));
    }

    [Fact]
    public void One_chunk_is_the_edl_itself()
    {
        var edl = EdlTransitionsTests.Edl((0, 100), (200, 300));

        Assert.Equal(Ids(edl), Ids(Assert.Single(ChunkPlanner.Split(edl, 1))));
    }

    [Fact]
    public void The_concat_list_names_each_chunk_with_its_exact_duration()
    {
        var list = ConcatList.Write([("chunk-000.mov", 60.0), ("it's.mov", 1001 / 30000.0 * 7)]);

        Assert.Equal("ffconcat version 1.0\nfile 'chunk-000.mov'\nduration 60\nfile 'it'\\''s.mov'\nduration 0.233567\n", list);
    }

    private static long ReelTimelineFrames(EdlDocument edl) => ReelTimeline.ReelFrames(edl.Segments);
}
