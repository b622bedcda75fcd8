using System.Text.Json;
using Highlights.Client.Contracts;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;

namespace Highlights.Silo.Api;

/// <summary>Maps a stored video to its API view, with paths and messages as <see cref="ClientPaths"/> shows them. Pure.</summary>
public static class VideoViews
{
    public static VideoView From(VideoRecord video, IReadOnlyList<string> pipeline, CostTotals costs, DateTimeOffset now, ClientPaths paths)
    {
        var state = video.State;
        var done = video.CompletedStages.ToDictionary(s => s.Stage);
        var running = state.Status == VideoStatus.Running && video.LeaseOwner is not null ? state.CurrentStage : null;
        var stages = pipeline
            .Select(name => done.TryGetValue(name, out var stage)
                ? new StageView(name, "done", stage.DurationSeconds)
                : new StageView(name, name == running ? "running" : "waiting", null))
            .ToList();
        var finished = stages.Count(s => s.Status == "done");
        var partial = running is not null ? Math.Clamp(video.Progress ?? 0, 0, 1) : 0;
        return new VideoView
        {
            Id = state.VideoId,
            Status = VideoStatusNames.ToName(state.Status),
            Stage = state.CurrentStage,
            Queued = video.Queued,
            NextAttemptAt = video.Queued && video.NotBefore > now ? video.NotBefore : null,
            Progress = pipeline.Count == 0 ? 0 : Math.Round((finished + partial) / pipeline.Count, 4),
            Attempts = state.Attempts,
            Error = state.Failure is { } f ? new VideoError(f.Stage, JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Kind.ToString()), paths.Redact(f.Message), f.At) : null,
            Costs = costs,
            Source = new VideoSourceView(paths.Show(state.Source.Path)!, state.Source.SizeBytes, state.Source.Sha256),
            Options = new VideoOptionsView(state.Options.TargetSeconds, state.Options.ToneMapHdr, paths.Show(state.Options.CaptionsPath)),
            Stages = stages,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
        };
    }
}
