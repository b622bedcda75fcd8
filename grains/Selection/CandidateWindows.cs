using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>Builds candidate windows. With a transcript they start and end on cue boundaries, so no clip cuts a sentence.</summary>
public static class CandidateWindows
{
    /// <summary>Every run of consecutive cues spanning min..max seconds; a single cue is a candidate whatever its length.</summary>
    public static List<Candidate> FromCues(IReadOnlyList<Cue> cues, double minSeconds, double maxSeconds)
    {
        var candidates = new List<Candidate>();
        for (var first = 0; first < cues.Count; first++)
        {
            var text = new List<string>();
            for (var last = first; last < cues.Count; last++)
            {
                var span = cues[last].End - cues[first].Start;
                if (last > first && span > maxSeconds)
                {
                    break;
                }

                text.Add(cues[last].Text);
                if (span >= minSeconds || last == first)
                {
                    candidates.Add(new Candidate(cues[first].Start, Math.Max(cues[first].End, cues[last].End), string.Join(' ', text)));
                }
            }
        }

        return candidates;
    }

    /// <summary>Fixed windows overlapping by half, covering the whole duration (the last one ends at the end).</summary>
    public static List<Candidate> Fixed(double durationSeconds, double windowSeconds)
    {
        var candidates = new List<Candidate>();
        if (durationSeconds <= windowSeconds)
        {
            candidates.Add(new Candidate(0, durationSeconds, string.Empty));
            return candidates;
        }

        var stride = windowSeconds / 2;
        for (var start = 0.0; start + windowSeconds <= durationSeconds + 1e-9; start += stride)
        {
            candidates.Add(new Candidate(start, start + windowSeconds, string.Empty));
        }

        if (candidates[^1].End < durationSeconds - 1e-9)
        {
            candidates.Add(new Candidate(durationSeconds - windowSeconds, durationSeconds, string.Empty));
        }

        return candidates;
    }
}
