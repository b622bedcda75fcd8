using System.Text.RegularExpressions;
using Highlights.Grains.Edl;
using Highlights.Grains.Render.Captions;
using Highlights.UnitTests.Edl;

namespace Highlights.UnitTests.Render.Captions;

public sealed partial class AssScriptTests
{
    private static EdlDocument WithCues(TimeSpan crossfade, params EdlCue[][] cues)
    {
        var edl = EdlTransitions.Apply(EdlTransitionsTests.Edl((250, 350), (500, 600)), crossfade);
        return edl with { Segments = [.. edl.Segments.Select((s, i) => s with { Cues = cues[i] })] };
    }

    private static List<Match> Events(string script) => [.. DialogueLine().Matches(script).Cast<Match>()];

    [Fact]
    public void Cues_are_timed_on_the_reel_not_the_source()
    {
        // s001 is source 10-14 s, s002 source 20-24 s; 400 ms of crossfade puts s002 at 3.6 s in the reel.
        var script = AssScript.Write(WithCues(TimeSpan.FromMilliseconds(400), [new(11, 12, "first")], [new(21, 22, "second")]), 1280, 720)!;

        var events = Events(script);
        Assert.Equal(2, events.Count);
        Assert.Equal(("0:00:01.00", "0:00:02.00"), (events[0].Groups["start"].Value, events[0].Groups["end"].Value));
        Assert.Equal(("0:00:04.60", "0:00:05.60"), (events[1].Groups["start"].Value, events[1].Groups["end"].Value));
    }

    [Fact]
    public void Every_word_lights_up_for_as_long_as_it_is_spoken()
    {
        var script = AssScript.Write(WithCues(TimeSpan.Zero, [new(11, 12, "a bbb")], []), 1280, 720)!;

        var text = Events(script).Single().Groups["text"].Value;
        Assert.Equal(@"{\k33}a {\k67}bbb", text);
    }

    [Fact]
    public void Words_outside_the_segment_are_left_out()
    {
        var script = AssScript.Write(WithCues(TimeSpan.Zero, [new(13, 16, "late words here")], []), 1280, 720)!;

        var events = Events(script);
        Assert.Equal("0:00:04.00", Assert.Single(events).Groups["end"].Value);
        Assert.DoesNotContain("here", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_stays_inside_one_event_as_text()
    {
        var hostile = "{\\c&H0000FF&\\fs200}RED\nDialogue: 0,0:00:00.00,9:00:00.00,Caption,,0,0,0,,{\\p1}m 0 0 l 100 0, commas, \\N";

        var script = AssScript.Write(WithCues(TimeSpan.Zero, [new(11, 13, hostile)], []), 1280, 720)!;

        // Every line of the events section is one of our events, starting when the cue does: the text injected nothing.
        var lines = script[script.IndexOf("[Events]", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        var events = Events(script);
        Assert.Equal(lines.Count, events.Count);
        Assert.All(events, e => Assert.NotEqual("0:00:00.00", e.Groups["start"].Value));
        var text = string.Concat(events.Select(e => e.Groups["text"].Value));
        var unescaped = OwnTags().Replace(text.Replace(@"\{", string.Empty, StringComparison.Ordinal).Replace(@"\}", string.Empty, StringComparison.Ordinal), string.Empty);
        Assert.DoesNotContain("{", unescaped, StringComparison.Ordinal);
        Assert.DoesNotContain("}", unescaped, StringComparison.Ordinal);
        Assert.DoesNotContain("\\N", text.Replace("\\\u2060N", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("RED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_plays_at_the_reels_size_and_no_cues_write_no_script()
    {
        var script = AssScript.Write(WithCues(TimeSpan.Zero, [new(11, 12, "x")], []), 404, 720)!;

        Assert.Contains("PlayResX: 404\nPlayResY: 720\n", script, StringComparison.Ordinal);
        Assert.Null(AssScript.Write(WithCues(TimeSpan.Zero, [], []), 404, 720));
    }

    [GeneratedRegex(@"^Dialogue: 0,(?<start>[^,]+),(?<end>[^,]+),Caption,,0,0,0,,(?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex DialogueLine();

    [GeneratedRegex(@"\{\\k\d+\}")]
    private static partial Regex OwnTags();
}
