using System.Text.Json;
using Highlights.Grains.Llm.Chunks;

namespace Highlights.TestSupport;

/// <summary>Answers for the scripted server that a real model could give: valid candidates within the asked chunk.</summary>
public static class ScriptedPicks
{
    /// <summary>A valid answer picking three lines from the chunk's second (fewer when the chunk is short), with the given score.</summary>
    public static string For(RecordedRequest request, int score = 80)
    {
        var markers = request.Markers;
        var first = Math.Min(1, markers.Count - 1);
        var last = Math.Min(first + 3, markers.Count - 1);
        Timecode.TryParse(markers[last], out var lastStart);
        var candidate = new
        {
            start = markers[first],
            end = last > first ? markers[last] : Timecode.Format(lastStart + 4),
            title = $"Moment of part {request.Chunk}",
            hook = "You will not believe what happens",
            reason = "the speaker reveals the turning point",
            score,
            quote = "everything changed",
        };
        return JsonSerializer.Serialize(new { candidates = new[] { candidate } });
    }
}
