using System.Globalization;
using System.Text;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Captions;

/// <summary>
/// Writes the reel's captions as an ASS script for libass: each segment's cues, timed on the reel (crossfades
/// included), cut into short lines, every word carrying a karaoke tag so it lights up as it is spoken. Sizes follow
/// the picture; on vertical reels captions sit higher, clear of the players' buttons. Transcript text only ever
/// reaches the script through <see cref="AssText.Escape"/>.
/// </summary>
public static class AssScript
{
    public const string StyleName = "Caption";

    /// <summary>Spoken words turn amber (ASS colours are &amp;HAABBGGRR); words still to come are white.</summary>
    private const string SpokenColour = "&H0000C8FF";
    private const string ComingColour = "&H00FFFFFF";

    /// <summary>Null when no segment has a cue inside the reel.</summary>
    public static string? Write(EdlDocument edl, int width, int height)
    {
        var clock = ReelClock.For(edl);
        var starts = ReelTimeline.RecordStartFrames(edl.Segments);
        var fontSize = Math.Max(12, (int)Math.Round(Math.Min(width, height) * 0.07));
        var margin = Math.Max(8, width / 20);
        var maxCharacters = Math.Max(12, (int)((width - (2 * margin)) / (fontSize * 0.58)));
        var events = new StringBuilder();
        for (var i = 0; i < edl.Segments.Count; i++)
        {
            var segment = edl.Segments[i];
            var reelStart = clock.Seconds(starts[i]);
            var reelEnd = reelStart + clock.Seconds(segment.Frames);
            foreach (var cue in segment.Cues ?? [])
            {
                var words = WordTiming.Of(cue)
                    .Select(w => new CaptionWord(reelStart + (w.Start - segment.Start), reelStart + (w.End - segment.Start), w.Text))
                    .Where(w => w.End > reelStart && w.Start < reelEnd)
                    .Select(w => w with { Start = Math.Max(w.Start, reelStart), End = Math.Min(w.End, reelEnd) })
                    .ToList();
                foreach (var line in CaptionLines.Group(words, maxCharacters))
                {
                    AppendEvent(events, line);
                }
            }
        }

        if (events.Length == 0)
        {
            return null;
        }

        var vertical = height > width;
        var marginV = (int)Math.Round(height * (vertical ? 0.22 : 0.08));
        var outline = Math.Max(1, (int)Math.Round(fontSize * 0.08));
        var script = new StringBuilder();
        script.Append("[Script Info]\nScriptType: v4.00+\n")
            .Append(CultureInfo.InvariantCulture, $"PlayResX: {width}\nPlayResY: {height}\n")
            .Append("WrapStyle: 0\nScaledBorderAndShadow: yes\n\n")
            .Append("[V4+ Styles]\n")
            .Append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n")
            .Append(CultureInfo.InvariantCulture, $"Style: {StyleName},DejaVu Sans,{fontSize},{SpokenColour},{ComingColour},&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,{outline},0,2,{margin},{margin},{marginV},1\n\n")
            .Append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
            .Append(events);
        return script.ToString();
    }

    private static void AppendEvent(StringBuilder events, IReadOnlyList<CaptionWord> line)
    {
        var start = line[0].Start;
        var end = Math.Max(line[^1].End, start + 0.2);
        var text = new StringBuilder();
        for (var i = 0; i < line.Count; i++)
        {
            // A word's karaoke time runs until the next word starts, so the highlight never waits in a gap.
            var until = i + 1 < line.Count ? line[i + 1].Start : end;
            var centiseconds = Math.Max(1, (int)Math.Round((until - line[i].Start) * 100));
            text.Append(CultureInfo.InvariantCulture, $"{{\\k{centiseconds}}}").Append(AssText.Escape(line[i].Text));
            if (i + 1 < line.Count)
            {
                text.Append(' ');
            }
        }

        events.Append(CultureInfo.InvariantCulture, $"Dialogue: 0,{Time(start)},{Time(end)},{StyleName},,0,0,0,,").Append(text).Append('\n');
    }

    /// <summary>ASS time, H:MM:SS.cc.</summary>
    public static string Time(double seconds)
    {
        var centiseconds = (long)Math.Round(Math.Max(0, seconds) * 100);
        return string.Create(CultureInfo.InvariantCulture, $"{centiseconds / 360000}:{centiseconds / 6000 % 60:00}:{centiseconds / 100 % 60:00}.{centiseconds % 100:00}");
    }
}
