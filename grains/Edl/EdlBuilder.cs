using System.Globalization;
using Highlights.Grains.Llm;
using Highlights.Grains.Media;
using Highlights.Grains.Selection;
using Highlights.Grains.State;

namespace Highlights.Grains.Edl;

/// <summary>Turns a selection into an EDL: cuts snapped to the source's frames, numbered in order, with the render settings.</summary>
public static class EdlBuilder
{
    /// <summary>Sources that report no frame rate (rare, broken headers) are cut on a 25 fps grid.</summary>
    public const double FallbackFps = 25;

    public static EdlDocument Build(VideoState state, MediaInfo media, SelectionResult selection, RenderSettings render)
    {
        var video = media.Video ?? throw new InvalidOperationException("EDL needs a video stream");
        var fps = video.FrameRate > 0 ? video.FrameRate : FallbackFps;
        var grid = new FrameGrid(fps);
        var lastFrame = grid.EndFrame(media.DurationSeconds);
        var segments = new List<EdlSegment>();
        foreach (var pick in selection.Segments)
        {
            var startFrame = Math.Clamp(grid.FrameAt(pick.Start), 0, Math.Max(0, lastFrame - 1));
            var endFrame = Math.Clamp(grid.FrameAt(pick.End), startFrame + 1, Math.Max(startFrame + 1, lastFrame));
            if (segments.Count > 0 && startFrame < segments[^1].EndFrame)
            {
                // Snapping can make neighbours share a frame; the later one gives it up.
                startFrame = segments[^1].EndFrame;
                if (startFrame >= endFrame)
                {
                    continue;
                }
            }

            segments.Add(new EdlSegment(
                string.Create(CultureInfo.InvariantCulture, $"s{segments.Count + 1:000}"),
                grid.TimeOf(startFrame),
                grid.TimeOf(endFrame),
                startFrame,
                endFrame,
                pick.Score,
                pick.Reasons,
                pick.Text,
                pick.Signals,
                pick.Pick is { } llm ? new EdlPick(llm.Title, llm.Hook, llm.Reason, llm.Score, llm.Quote, llm.Chunk + 1) : null));
        }

        var source = new EdlSource(state.Source.Path, state.Source.Sha256, media.DurationSeconds, video.Width, video.Height, Math.Round(fps, 6), media.Audio is not null);
        var total = Math.Round(segments.Sum(s => s.Duration), 6);
        return new EdlDocument(
            EdlDocument.CurrentVersion,
            state.VideoId,
            source,
            state.Options.TargetSeconds,
            total,
            new EdlSelector(selection.Method, selection.SettingsVersion, selection.Notes, Llm(selection.Llm)),
            segments,
            render,
            selection.Llm?.Cost,
            total);
    }

    private static EdlLlm? Llm(LlmSelectionSummary? llm) =>
        llm is null ? null : new EdlLlm(llm.Provider, llm.Model, llm.PromptVersion, llm.SettingsVersion, llm.PriceTableVersion, llm.Chunks, llm.Budget);
}
