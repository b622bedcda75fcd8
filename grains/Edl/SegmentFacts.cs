using System.Globalization;

namespace Highlights.Grains.Edl;

/// <summary>
/// The facts an edit carries over from the machine's segments (score, signal terms, the LLM's pick) in the ranges
/// docs/edl-v1.schema.json gives them, so every saved version is an EDL the schema accepts.
/// </summary>
public static class SegmentFacts
{
    /// <summary>The first value out of its range, as a problem naming its segment and field; null when all are in range.</summary>
    public static EdlProblem? Check(IReadOnlyList<EdlSegment> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (OutOfRange(segment, i) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static EdlProblem? OutOfRange(EdlSegment segment, int index)
    {
        if (!double.IsFinite(segment.Score) || segment.Score < 0)
        {
            return Problem(segment, index, "score", "must be a number of 0 or more");
        }

        if (segment.Signals is { } signals)
        {
            foreach (var (name, value) in new[] { ("llm", signals.Llm), ("keywords", signals.Keywords), ("audio", signals.Audio), ("visual", signals.Visual) })
            {
                if (value is { } term && !(term is >= 0 and <= 1))
                {
                    return Problem(segment, index, $"signals.{name}", string.Create(CultureInfo.InvariantCulture, $"{term}, but a signal term is from 0 to 1"));
                }
            }
        }

        return segment.Llm switch
        {
            { Score: < 0 or > 100 } => Problem(segment, index, "llm.score", "must be from 0 to 100"),
            { Chunk: < 1 } => Problem(segment, index, "llm.chunk", "must be 1 or more"),
            _ => null,
        };
    }

    private static EdlProblem Problem(EdlSegment segment, int index, string field, string reason) => new(index + 1, segment.Id, field, reason);
}
