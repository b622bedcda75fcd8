using Highlights.Grains.Captions;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Selection;

namespace Highlights.Grains.Llm.Answers;

/// <summary>
/// Never trusts a model's times: clamps them to the chunk, then snaps the start to the chunk's cue whose marker is
/// nearest and the end to the nearest cue end at or after it, and trims from the end (whole cues) to the longest clip allowed.
/// </summary>
public static class CandidateSnapper
{
    public static LlmPick Snap(RawCandidate candidate, TranscriptChunk chunk, IReadOnlyList<Cue> cues, double maxClipSeconds)
    {
        var start = Math.Clamp(candidate.Start, chunk.Start, chunk.End);
        var end = Math.Clamp(candidate.End, chunk.Start, chunk.End);
        var first = Nearest(chunk.FirstCue, chunk.LastCue, i => Math.Abs(Math.Floor(cues[i].Start) - Math.Floor(start)));
        var last = Nearest(first, chunk.LastCue, i => Math.Abs(cues[i].End - end));
        while (last > first && cues[last].End - cues[first].Start > maxClipSeconds)
        {
            last--;
        }

        var clipEnd = Enumerable.Range(first, last - first + 1).Max(i => cues[i].End);
        return new LlmPick(chunk.Index, cues[first].Start, clipEnd, candidate.Title.Trim(), candidate.Hook.Trim(), candidate.Reason.Trim(), candidate.Score, candidate.Quote.Trim());
    }

    /// <summary>The index in [from, to] with the smallest distance; the earlier one on a tie.</summary>
    private static int Nearest(int from, int to, Func<int, double> distance)
    {
        var best = from;
        for (var i = from + 1; i <= to; i++)
        {
            if (distance(i) < distance(best))
            {
                best = i;
            }
        }

        return best;
    }
}
