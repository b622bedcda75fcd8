using System.Diagnostics;
using System.Text.Json;
using Highlights.Cli.Embedded;
using Highlights.Cli.Output;
using Highlights.Grains.Actor;
using Highlights.Grains.Llm;
using Highlights.Grains.Render;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

public sealed record ProcessRequest(string Input, string OutputDirectory, ProcessingOptions Options);

public sealed record ProcessOutcome(string VideoId, string EdlPath, string RenderPath, string ReportPath, RunReport Report);

/// <summary>One <c>process</c> run: identify the video, take its lock, run its grain and wait for it, publish the results.</summary>
public static class ProcessJob
{
    public static async Task<ProcessOutcome> RunAsync(IServiceProvider services, ProcessRequest request, IProgress<PipelineEvent> progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var factory = services.GetRequiredService<VideoPipelineFactory>();
        var identity = await factory.IdentifyAsync(request.Input, request.Options, cancellationToken);
        using var videoLock = VideoLock.Acquire(factory.VideoDirectory(identity.VideoId), identity.VideoId);
        var ended = await VideoRunWatcher.RunAsync(services.GetRequiredService<IGrainFactory>(), new VideoRunRequest(identity), progress, cancellationToken);
        var output = Path.GetFullPath(request.OutputDirectory);
        var state = ended.State;
        if (ended.Failure is { Kind: RunFailureKind.BudgetExceeded } stop)
        {
            var partial = state.Partials.TryGetValue(StageNames.Select, out var saved) ? saved.Result.Deserialize<LlmProgress>(StateJson.Options) : null;
            await OutputPublisher.PublishStoppedAsync(output, BudgetStopReport.From(identity.VideoId, state.Source.Path, stop.Message, partial), cancellationToken);
        }

        var runs = RunFailedException.ThrowIfFailed(ended).Runs;
        var report = RunReportBuilder.Build(
            state, runs, Stopwatch.GetElapsedTime(started), OutputPublisher.EdlFileName, OutputPublisher.RenderFileName, OutputPublisher.ReportFileName);
        await OutputPublisher.PublishAsync(
            output,
            EdlSourcePath.Naming(state.Checkpoints[StageNames.Edl].Result, state.Source.Path),
            Path.Combine(factory.VideoDirectory(identity.VideoId), state.ResultOf<RenderResult>(StageNames.Render)!.FileName),
            report,
            cancellationToken);
        return new ProcessOutcome(
            identity.VideoId,
            Path.Combine(output, OutputPublisher.EdlFileName),
            Path.Combine(output, OutputPublisher.RenderFileName),
            Path.Combine(output, OutputPublisher.ReportFileName),
            report);
    }
}
