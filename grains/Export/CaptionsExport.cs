using Highlights.Grains.Captions;

namespace Highlights.Grains.Export;

/// <summary>An SRT for the reel: each clip's transcript text, timed on the record timeline (where it plays in the reel).</summary>
public static class CaptionsExport
{
    public static string Write(ExportTimeline timeline) =>
        SrtWriter.Write(timeline.Clips
            .Where(c => !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => new Cue(
                c.RecordIn * (double)timeline.Rate.Denominator / timeline.Rate.Numerator,
                c.RecordOut * (double)timeline.Rate.Denominator / timeline.Rate.Numerator,
                c.Text)));
}
