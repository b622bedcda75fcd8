using Highlights.Grains.Captions;

namespace Highlights.Grains.Edl;

/// <summary>
/// Copies the transcript cues that overlap each segment into it, clipped to the segment, so captions can be burned in
/// and exported from the EDL alone. A recognised transcript's word times come along (the words inside the segment).
/// </summary>
public static class EdlCaptions
{
    public static EdlDocument Apply(EdlDocument edl, Transcript transcript)
    {
        if (!transcript.HasCues)
        {
            return edl;
        }

        return edl with
        {
            Segments = [.. edl.Segments.Select(segment => segment with
            {
                Cues = [.. transcript.Cues
                    .Where(c => c.End > segment.Start && c.Start < segment.End && !string.IsNullOrWhiteSpace(c.Text))
                    .Select(c => new EdlCue(Math.Max(c.Start, segment.Start), Math.Min(c.End, segment.End), c.Text, Words(c, segment)))],
            })],
        };
    }

    private static IReadOnlyList<EdlWord>? Words(Cue cue, EdlSegment segment) =>
        cue.Words is { Count: > 0 } words
            ? [.. words.Where(w => w.End > segment.Start && w.Start < segment.End).Select(w => new EdlWord(w.Start, w.End, w.Text))]
            : null;
}
