using System.Text.Json;
using System.Text.Json.Nodes;

namespace Highlights.Grains.Export;

/// <summary>
/// OpenTimelineIO JSON (Timeline.1 / Stack.1 / Track.1 / Clip.2 / Transition.1): a video track, and an audio track
/// when the source has sound, each with one clip per segment referencing the source file and an SMPTE dissolve where
/// segments crossfade (<see cref="CentredTransition"/>); markers carry title and reason, and clip metadata under
/// "highlights" keeps the segment id, transcript text and, for a reframed reel, the crop window's path (OTIO has no
/// schema for a moving crop).
/// </summary>
public static class OtioWriter
{
    public static string Write(ExportTimeline timeline)
    {
        var tracks = new JsonArray { Track(timeline, "V1", "Video") };
        if (timeline.HasAudio)
        {
            tracks.Add(Track(timeline, "A1", "Audio"));
        }

        var root = new JsonObject
        {
            ["OTIO_SCHEMA"] = "Timeline.1",
            ["name"] = timeline.Name,
            ["metadata"] = new JsonObject { ["highlights"] = new JsonObject { ["source"] = timeline.SourcePath } },
            ["global_start_time"] = Time(0, timeline.Rate),
            ["tracks"] = Item("Stack.1", "tracks", tracks),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Track(ExportTimeline timeline, string name, string kind)
    {
        var children = new JsonArray();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var transition = CentredTransition.Of(timeline.TransitionBefore(i));
            if (transition.Frames > 0)
            {
                children.Add(new JsonObject
                {
                    ["OTIO_SCHEMA"] = "Transition.1",
                    ["name"] = "Cross Dissolve",
                    ["metadata"] = new JsonObject(),
                    ["transition_type"] = "SMPTE_Dissolve",
                    ["in_offset"] = Time(transition.Before, timeline.Rate),
                    ["out_offset"] = Time(transition.After, timeline.Rate),
                });
            }

            children.Add(Clip(timeline, i));
        }

        var track = Item("Track.1", name, children);
        track["kind"] = kind;
        return track;
    }

    private static JsonObject Clip(ExportTimeline timeline, int index)
    {
        var clip = timeline.Clips[index];
        var (sourceIn, _, length) = CentredTransition.Visible(timeline, index);
        var item = Item("Clip.2", clip.Id, null);
        item["source_range"] = Range(sourceIn, length, timeline.Rate);
        var highlights = new JsonObject { ["segment_id"] = clip.Id, ["text"] = clip.Text };
        if (timeline.Window is { } window)
        {
            highlights["reframe"] = new JsonObject
            {
                ["window"] = new JsonObject { ["width"] = window.Width, ["height"] = window.Height },
                ["keyframes"] = new JsonArray([.. (clip.Keyframes ?? []).Select(k => (JsonNode)new JsonObject
                {
                    ["source_frame"] = clip.SourceIn + k.Frame,
                    ["x"] = k.X,
                    ["y"] = k.Y,
                })]),
            };
        }

        item["metadata"] = new JsonObject { ["highlights"] = highlights };
        item["markers"] = new JsonArray
        {
            new JsonObject
            {
                ["OTIO_SCHEMA"] = "Marker.2",
                ["name"] = clip.Title,
                ["comment"] = clip.Reason,
                ["color"] = "RED",
                ["marked_range"] = Range(sourceIn, 1, timeline.Rate),
                ["metadata"] = new JsonObject(),
            },
        };
        item["media_references"] = new JsonObject
        {
            ["DEFAULT_MEDIA"] = new JsonObject
            {
                ["OTIO_SCHEMA"] = "ExternalReference.1",
                ["name"] = timeline.SourceName,
                ["target_url"] = new Uri(Path.GetFullPath(timeline.SourcePath)).AbsoluteUri,
                ["available_range"] = Range(0, timeline.SourceFrames, timeline.Rate),
                ["available_image_bounds"] = null,
                ["metadata"] = new JsonObject(),
            },
        };
        item["active_media_reference_key"] = "DEFAULT_MEDIA";
        return item;
    }

    private static JsonObject Item(string schema, string name, JsonArray? children)
    {
        var item = new JsonObject
        {
            ["OTIO_SCHEMA"] = schema,
            ["name"] = name,
            ["metadata"] = new JsonObject(),
            ["source_range"] = null,
            ["effects"] = new JsonArray(),
            ["markers"] = new JsonArray(),
            ["enabled"] = true,
        };
        if (children is not null)
        {
            item["children"] = children;
        }

        return item;
    }

    private static JsonObject Range(long start, long duration, FrameRate rate) => new()
    {
        ["OTIO_SCHEMA"] = "TimeRange.1",
        ["start_time"] = Time(start, rate),
        ["duration"] = Time(duration, rate),
    };

    private static JsonObject Time(long frames, FrameRate rate) => new()
    {
        ["OTIO_SCHEMA"] = "RationalTime.1",
        ["rate"] = rate.Value,
        ["value"] = (double)frames,
    };
}
