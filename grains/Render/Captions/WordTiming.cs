using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Captions;

/// <summary>
/// The words of a cue with their times: the transcript's own word times when it has them (speech recognition), else
/// the cue's span shared out in proportion to each word's length, which is close to how speech paces itself.
/// </summary>
public static class WordTiming
{
    public static IReadOnlyList<CaptionWord> Of(EdlCue cue)
    {
        if (cue.Words is { Count: > 0 } words)
        {
            return [.. words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).Select(w => new CaptionWord(w.Start, Math.Max(w.Start, w.End), w.Text.Trim()))];
        }

        var parts = cue.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || cue.End <= cue.Start)
        {
            return [];
        }

        // One extra unit per word stands for the gap after it.
        var units = parts.Sum(p => p.Length + 1);
        var perUnit = (cue.End - cue.Start) / units;
        var timed = new List<CaptionWord>(parts.Length);
        var time = cue.Start;
        foreach (var part in parts)
        {
            var end = time + ((part.Length + 1) * perUnit);
            timed.Add(new CaptionWord(time, end, part));
            time = end;
        }

        return timed;
    }
}
