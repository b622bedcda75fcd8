using System.Globalization;
using System.Text;

namespace Highlights.Grains.Export;

/// <summary>
/// CMX 3600 EDL, the lowest common denominator every editor imports. One event per clip, reel "AX" (auxiliary source)
/// with the file named in a FROM CLIP NAME comment, record timecode starting at 01:00:00:00. A crossfade is a
/// dissolve event in the standard two-line form: the outgoing source held at the frame where the dissolve starts,
/// then "D" and its length in frames to the incoming clip (the outgoing clip's event ends where the dissolve begins).
/// </summary>
public static class Cmx3600Writer
{
    /// <summary>Record timelines conventionally start at one hour, leaving room for pre-roll.</summary>
    public static long RecordStartFrames(FrameRate rate) => Timecode.ToFrames(rate.IsDropFrame ? "01:00:00;00" : "01:00:00:00", rate);

    public static string Write(ExportTimeline timeline)
    {
        var rate = timeline.Rate;
        var recordStart = RecordStartFrames(rate);
        string Tc(long frame, long offset = 0) => Timecode.FromFrames(frame, rate, offset);
        var builder = new StringBuilder();
        builder.Append("TITLE: ").Append(Ascii(timeline.Name, 70)).Append('\n');
        builder.Append("FCM: ").Append(rate.IsDropFrame ? "DROP FRAME" : "NON-DROP FRAME").Append("\n\n");
        var track = timeline.HasAudio ? "AA/V" : "V";
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var tail = timeline.TransitionBefore(i + 1);
            var dissolve = timeline.TransitionBefore(i);
            var number = (i + 1).ToString("000", CultureInfo.InvariantCulture);
            if (dissolve > 0)
            {
                var outgoing = timeline.Clips[i - 1].SourceOut - dissolve;
                builder.Append(CultureInfo.InvariantCulture, $"{number}  AX       {track,-4}  C        {Tc(outgoing)} {Tc(outgoing)} {Tc(clip.RecordIn, recordStart)} {Tc(clip.RecordIn, recordStart)}\n");
            }

            var how = dissolve > 0 ? string.Create(CultureInfo.InvariantCulture, $"D    {dissolve:000}") : "C       ";
            builder.Append(CultureInfo.InvariantCulture, $"{number}  AX       {track,-4}  {how} {Tc(clip.SourceIn)} {Tc(clip.SourceOut - tail)} {Tc(clip.RecordIn, recordStart)} {Tc(clip.RecordOut - tail, recordStart)}\n");
            builder.Append("* FROM CLIP NAME: ").Append(Ascii(timeline.SourceName, 200)).Append('\n');
            builder.Append("* COMMENT: ").Append(Ascii($"{clip.Id} {clip.Reason}", 200)).Append("\n\n");
        }

        return builder.ToString();
    }

    /// <summary>CMX readers expect 7-bit text on one line; anything else is replaced.</summary>
    private static string Ascii(string text, int max)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text.Take(max))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '_');
        }

        return builder.ToString();
    }
}
