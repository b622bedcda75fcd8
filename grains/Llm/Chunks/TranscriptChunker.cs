using Highlights.Grains.Captions;

namespace Highlights.Grains.Llm.Chunks;

/// <summary>
/// Cuts a transcript into chunks of at most <c>chunkTokens</c> (estimated) that never split a cue; each chunk after
/// the first starts with the last cues of the one before, up to <c>overlapTokens</c>, so a moment on a boundary is seen
/// whole at least once. A single cue longer than a chunk becomes a chunk of its own.
/// </summary>
public static class TranscriptChunker
{
    public static IReadOnlyList<TranscriptChunk> Split(IReadOnlyList<Cue> cues, int chunkTokens, int overlapTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkTokens, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapTokens);
        var lines = cues.Select(Line).ToArray();
        // Each line also costs its line break.
        var tokens = lines.Select(l => TokenEstimator.Estimate(l) + 1).ToArray();
        var chunks = new List<TranscriptChunk>();
        var first = 0;
        while (first < cues.Count)
        {
            var end = first;
            var total = 0;
            while (end < cues.Count && (end == first || total + tokens[end] <= chunkTokens))
            {
                total += tokens[end++];
            }

            chunks.Add(new TranscriptChunk(
                chunks.Count,
                first,
                end - 1,
                cues[first].Start,
                cues.Skip(first).Take(end - first).Max(c => c.End),
                string.Join('\n', lines[first..end]),
                total));
            if (end == cues.Count)
            {
                break;
            }

            // Step back over whole cues for the overlap, but always move forward.
            var next = end;
            var overlap = 0;
            while (next - 1 > first && overlap + tokens[next - 1] <= overlapTokens)
            {
                overlap += tokens[--next];
            }

            first = next;
        }

        return chunks;
    }

    /// <summary>One cue as the model reads it; line breaks inside a cue are flattened so every line starts with a marker.</summary>
    public static string Line(Cue cue) => $"[{Timecode.Format(cue.Start)}] {cue.Text.ReplaceLineEndings(" ")}";
}
