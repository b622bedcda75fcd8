using Highlights.Grains.Captions;

namespace Highlights.Grains.Transcription;

/// <summary>
/// The overlap rule. Whisper hears every window with extra audio on both sides, so a word cut by a window edge is
/// heard whole by the window on at least one side. Each word is then kept by exactly one window: the one whose own
/// span holds the word's midpoint. Owned spans tile the audio, so every word's midpoint lies in exactly one of
/// them: nothing is lost and nothing doubled (for words shorter than twice the overlap, which all are at 5 s).
/// A cue keeps the words that belong to its window; a cue without word times is kept whole by its midpoint.
/// </summary>
public static class WindowStitcher
{
    /// <param name="heard">Cues as the recogniser returned them, seconds from <paramref name="feedStart"/>.</param>
    /// <param name="ownStart">Start of the owned span in seconds from the start of the audio; the first window owns everything before it.</param>
    /// <param name="ownEnd">End of the owned span; the last window owns everything after it (pass infinity).</param>
    public static IReadOnlyList<Cue> Keep(IReadOnlyList<Cue> heard, double feedStart, double ownStart, double ownEnd)
    {
        var kept = new List<Cue>();
        foreach (var local in heard)
        {
            var cue = Shift(local, feedStart);
            if (cue.Words is not { Count: > 0 } words)
            {
                if (Owns(cue.Start, cue.End, ownStart, ownEnd))
                {
                    kept.Add(cue);
                }

                continue;
            }

            var own = words.Where(w => Owns(w.Start, w.End, ownStart, ownEnd)).ToList();
            if (own.Count == words.Count)
            {
                kept.Add(cue);
            }
            else if (own.Count > 0)
            {
                kept.Add(cue with { Start = own[0].Start, End = own[^1].End, Text = string.Join(' ', own.Select(w => w.Text)), Words = own });
            }
        }

        return kept;
    }

    private static bool Owns(double start, double end, double ownStart, double ownEnd)
    {
        var middle = (start + end) / 2;
        return middle >= ownStart && middle < ownEnd;
    }

    private static Cue Shift(Cue cue, double offset) => cue with
    {
        Start = cue.Start + offset,
        End = cue.End + offset,
        Words = cue.Words?.Select(w => w with { Start = w.Start + offset, End = w.End + offset }).ToList(),
    };
}
