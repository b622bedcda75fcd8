using System.Text.Json;
using Highlights.Client.Contracts;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;

namespace Highlights.Silo.Api;

/// <summary>Maps a video's grain snapshot to its API view, with paths and messages as <see cref="ClientPaths"/> shows them. Pure.</summary>
public static class VideoViews
{
    public static VideoView From(VideoSnapshot video, IReadOnlyList<string> pipeline, CostTotals costs, DateTimeOffset now, ClientPaths paths)
    {
        var state = video.State;
        var running = state.Status == VideoStatus.Running && video.Active ? state.CurrentStage : null;
        var stages = pipeline
            .Select(name =>
            {
                var tally = state.Tallies.GetValueOrDefault(name) ?? new StageTally(0, 0);
                return state.Checkpoints.TryGetValue(name, out var done)
                    ? new StageView(name, "done", done.DurationSeconds, tally.Runs, tally.Completions, done.CompletedAt)
                    : new StageView(name, name == running ? "running" : "waiting", null, tally.Runs, tally.Completions);
            })
            .ToList();
        var finished = stages.Count(s => s.Status == "done");
        var partial = running is not null ? video.StageProgress ?? 0 : 0;
        return new VideoView
        {
            Id = state.VideoId,
            Status = VideoStatusNames.ToName(state.Status),
            Stage = state.CurrentStage,
            Queued = state.IsQueued(),
            NextAttemptAt = state.NextAttemptAt is { } at && at > now ? at : null,
            Progress = pipeline.Count == 0 ? 0 : Math.Round((finished + partial) / pipeline.Count, 4),
            Attempts = state.Attempts,
            Silo = video.Silo,
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
