using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Chunks;

namespace Highlights.UnitTests.Llm;

public sealed class TranscriptChunkerTests
{
    private static readonly Cue[] Cues =
    [
        .. Enumerable.Range(0, 60).Select(i => new Cue(i * 5.5, (i * 5.5) + 5, $"sentence number {i} says something about the topic at hand")),
    ];

    [Fact]
    public void Chunks_stay_within_the_token_budget_and_carry_a_marker_on_every_line()
    {
        var chunks = TranscriptChunker.Split(Cues, chunkTokens: 120, overlapTokens: 30);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c =>
        {
            Assert.InRange(c.EstimatedTokens, 1, 120);
            Assert.Equal(c.LastCue - c.FirstCue + 1, c.Text.Split('\n').Length);
            Assert.All(c.Text.Split('\n'), line => Assert.Matches(@"^\[\d\d:\d\d\] sentence number \d+ ", line));
            Assert.Equal(TokenEstimator.Estimate(c.Text) + 1, c.EstimatedTokens);
        });
    }

    [Fact]
    public void Every_cue_is_in_some_chunk_whole_and_consecutive_chunks_overlap_by_whole_cues_within_the_overlap()
    {
        var chunks = TranscriptChunker.Split(Cues, chunkTokens: 120, overlapTokens: 30);

        Assert.Equal(0, chunks[0].FirstCue);
        Assert.Equal(Cues.Length - 1, chunks[^1].LastCue);
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.True(next.FirstCue > previous.FirstCue, "chunks must move forward");
            Assert.InRange(next.FirstCue, previous.FirstCue + 1, previous.LastCue + 1);
            var shared = Enumerable.Range(next.FirstCue, previous.LastCue - next.FirstCue + 1).Sum(i => TokenEstimator.Estimate(TranscriptChunker.Line(Cues[i])) + 1);
            Assert.InRange(shared, 1, 30);
            Assert.Equal(Cues[next.FirstCue].Start, next.Start);
        }
    }

    [Fact]
    public void A_cue_longer_than_a_chunk_is_a_chunk_of_its_own_and_never_split()
    {
        Cue[] cues = [new(0, 4, "short"), new(4, 30, string.Join(' ', Enumerable.Repeat("extraordinarily", 80))), new(30, 34, "short again")];

        var chunks = TranscriptChunker.Split(cues, chunkTokens: 50, overlapTokens: 10);

        Assert.Contains(chunks, c => c.FirstCue == 1 && c.LastCue == 1 && c.EstimatedTokens > 50);
        Assert.Equal([0, 1, 2], chunks.SelectMany(c => Enumerable.Range(c.FirstCue, c.LastCue - c.FirstCue + 1)).Distinct().Order());
    }

    [Fact]
    public void Without_overlap_chunks_follow_each_other_and_an_empty_transcript_has_none()
    {
        var chunks = TranscriptChunker.Split(Cues, chunkTokens: 120, overlapTokens: 0);

        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.Equal(pair.First.LastCue + 1, pair.Second.FirstCue));
        Assert.Empty(TranscriptChunker.Split([], 120, 10));
    }

    [Fact]
    public void Line_breaks_inside_a_cue_are_flattened_so_every_line_starts_with_a_marker()
    {
        Assert.Equal("[75:02] two lines of one cue", TranscriptChunker.Line(new Cue(4502.9, 4505, "two lines\nof one cue")));
    }
}
