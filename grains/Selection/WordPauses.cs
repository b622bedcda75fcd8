using Highlights.Grains.Audio;
using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>
/// Where a cut splits no word, from the transcript: the gaps between cues, the gaps between recognised words, and,
/// inside a caption cue (which has no word times), the runs of audio windows far below the speech level: a pause
/// between words is silent, a word is not. Linear in cues and windows (after sorting). Pure.
/// </summary>
public static class WordPauses
{
    /// <summary>A window this far under the speech level (the 90th percentile of the RMS) is not speech.</summary>
    public const double QuietDropDb = 24;

    /// <summary>Quiet windows in a row needed for a pause: one alone can be the closure of a stop consonant inside a word.</summary>
    public const int MinimumQuietWindows = 2;

    /// <summary>The pauses, in time order, not overlapping; none without a transcript.</summary>
    public static List<PauseSpan> Find(IReadOnlyList<Cue> cues, EnergySeries energy, double durationSeconds)
    {
        var pauses = new List<PauseSpan>();
        if (cues.Count == 0)
        {
            return pauses;
        }

        var ordered = cues.OrderBy(c => c.Start).ToList();
        pauses.Add(new PauseSpan(0, ordered[0].Start, PauseSpan.BetweenCues));

        // Up to the latest end so far, not the previous cue's: overlapping cues leave no gap while any is still on.
        var spokenUntil = ordered[0].End;
        foreach (var cue in ordered.Skip(1))
        {
            if (cue.Start >= spokenUntil)
            {
                pauses.Add(new PauseSpan(spokenUntil, cue.Start, PauseSpan.BetweenCues));
            }

            spokenUntil = Math.Max(spokenUntil, cue.End);
        }

        pauses.Add(new PauseSpan(spokenUntil, Math.Max(spokenUntil, durationSeconds), PauseSpan.BetweenCues));
        foreach (var words in ordered.Select(c => c.Words).OfType<IReadOnlyList<Word>>())
        {
            pauses.AddRange(words.Zip(words.Skip(1))
                .Where(pair => pair.Second.Start >= pair.First.End)
                .Select(pair => new PauseSpan(pair.First.End, pair.Second.Start, PauseSpan.BetweenWords)));
        }

        // The audio's silences count where no recognised words say better: inside caption cues, and between cues
        // (where they merge with the gaps). Recognised words are the better judge inside their own cue.
        var worded = Merge([.. ordered.Where(c => c.Words is { Count: > 0 }).Select(c => new PauseSpan(c.Start, c.End, string.Empty))]);
        var next = 0;
        foreach (var (start, end) in QuietRuns(energy))
        {
            while (next < worded.Count && worded[next].End <= start)
            {
                next++;
            }

            if (next == worded.Count || worded[next].Start >= end)
            {
                pauses.Add(new PauseSpan(start, end, PauseSpan.Quiet));
            }
        }

        return Merge(pauses);
    }

    /// <summary>Runs of at least <see cref="MinimumQuietWindows"/> windows <see cref="QuietDropDb"/> under the speech level.</summary>
    public static List<(double Start, double End)> QuietRuns(EnergySeries energy)
    {
        var runs = new List<(double, double)>();
        var rms = energy.RmsDbfs;
        if (!energy.Present || rms.Length == 0)
        {
            return runs;
        }

        var sorted = rms.Order().ToArray();
        var gate = sorted[(int)Math.Round(0.9 * (sorted.Length - 1))] - QuietDropDb;
        for (var i = 0; i < rms.Length;)
        {
            if (rms[i] > gate)
            {
                i++;
                continue;
            }

            var first = i;
            while (i < rms.Length && rms[i] <= gate)
            {
                i++;
            }

            if (i - first >= MinimumQuietWindows)
            {
                runs.Add((first * energy.WindowSeconds, i * energy.WindowSeconds));
            }
        }

        return runs;
    }

    private static List<PauseSpan> Merge(List<PauseSpan> pauses)
    {
        var merged = new List<PauseSpan>();
        foreach (var pause in pauses.Where(p => p.End >= p.Start).OrderBy(p => p.Start).ThenBy(p => p.End))
        {
            if (merged.Count > 0 && pause.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, pause.End) };
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }
}
