using System.Globalization;
using System.Text;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Render;

/// <summary>
/// Joins the segment streams [v0][a0]... into [vj][aj]. Segments linked by crossfades form a run, chained pairwise
/// with xfade and acrossfade (each overlap exactly its frames, and the matching samples); runs are then joined by one
/// concat. An EDL of cuts only is a single concat, as before transitions existed.
/// </summary>
public static class ReelJoin
{
    public const string Video = "vj";
    public const string Audio = "aj";

    public static void Append(StringBuilder graph, IReadOnlyList<EdlSegment> segments, bool withAudio, ReelClock clock)
    {
        var runs = new List<(string Video, string Audio)>();
        string? video = null, audio = null;
        long runFrames = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var overlap = i == 0 ? 0 : segments[i].OverlapFrames;
            if (video is null || overlap == 0)
            {
                if (video is not null)
                {
                    runs.Add((video, audio!));
                }

                (video, audio, runFrames) = ($"v{i}", $"a{i}", segments[i].Frames);
                continue;
            }

            var offset = clock.Seconds(runFrames - overlap);
            graph.Append(CultureInfo.InvariantCulture, $"[{video}][v{i}]xfade=transition=fade:duration={clock.Seconds(overlap):0.######}:offset={offset:0.######}[x{i}];");
            if (withAudio)
            {
                graph.Append(CultureInfo.InvariantCulture, $"[{audio}][a{i}]acrossfade=ns={clock.Samples(overlap)}:c1=tri:c2=tri[y{i}];");
            }

            (video, audio) = ($"x{i}", $"y{i}");
            runFrames += segments[i].Frames - overlap;
        }

        runs.Add((video!, audio!));
        foreach (var (v, a) in runs)
        {
            graph.Append(CultureInfo.InvariantCulture, $"[{v}]").Append(withAudio ? $"[{a}]" : string.Empty);
        }

        graph.Append(CultureInfo.InvariantCulture, $"concat=n={runs.Count}:v=1:a={(withAudio ? 1 : 0)}[{Video}]").Append(withAudio ? $"[{Audio}]" : string.Empty);
    }
}
