using Highlights.Grains.Captions;
using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Chunks;

namespace Highlights.UnitTests.Llm;

public sealed class CandidateSnapperTests
{
    /// <summary>Cues 0..19, each 2.6 s long starting every 3 s from 100.4 s; the chunk holds cues 5..14 (115.4 s to 145 s).</summary>
    private static readonly Cue[] Cues = [.. Enumerable.Range(0, 20).Select(i => new Cue(100.4 + (i * 3), 103 + (i * 3), $"cue {i}"))];

    private static readonly TranscriptChunk Chunk = new(1, 5, 14, Cues[5].Start, Cues[14].End, string.Empty, 100);

    private static RawCandidate Raw(double start, double end) => new(start, end, " Title ", "Hook", "Reason", 75, "Quote");

    [Fact]
    public void Times_snap_to_the_cue_whose_marker_was_named_and_to_the_nearest_cue_end()
    {
        // Markers are whole seconds: cue 7 starts at 121.4, shown as 02:01; the model ends on the next line's marker.
        var pick = CandidateSnapper.Snap(Raw(121, 127), Chunk, Cues, maxClipSeconds: 20);

        Assert.Equal((Cues[7].Start, Cues[8].End), (pick.Start, pick.End));
        Assert.Equal(1, pick.Chunk);
        Assert.Equal("Title", pick.Title);
        Assert.Equal(75, pick.Score);
    }

    [Fact]
    public void Times_beyond_the_chunk_are_clamped_to_its_first_and_last_cues()
    {
        var pick = CandidateSnapper.Snap(Raw(90, 500), Chunk, Cues, maxClipSeconds: 1000);

        Assert.Equal((Cues[5].Start, Cues[14].End), (pick.Start, pick.End));
    }

    [Fact]
    public void An_end_before_the_start_cue_snaps_to_the_start_cues_own_end()
    {
        var pick = CandidateSnapper.Snap(Raw(130, 118), Chunk, Cues, maxClipSeconds: 20);

        Assert.Equal((Cues[10].Start, Cues[10].End), (pick.Start, pick.End));
    }

    [Fact]
    public void A_clip_longer_than_allowed_is_trimmed_from_the_end_by_whole_cues()
    {
        var pick = CandidateSnapper.Snap(Raw(115, 145), Chunk, Cues, maxClipSeconds: 10);

        Assert.Equal((Cues[5].Start, Cues[7].End), (pick.Start, pick.End));
        Assert.True(pick.End - pick.Start <= 10);
    }
}
