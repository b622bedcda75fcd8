using System.Diagnostics;
using System.Text.Json;
using Highlights.Cli.Output;
using Highlights.Grains.Actor;
using Highlights.Grains.Llm;
using Highlights.Grains.Render;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

public sealed record ProcessRequest(string Input, string OutputDirectory, ProcessingOptions Options);

public sealed record ProcessOutcome(string VideoId, string EdlPath, string RenderPath, string ReportPath, RunReport Report);

/// <summary>One <c>process</c> run: identify the video, take its lock, run its grain, publish the results.</summary>
public static class ProcessJob
{
    public static async Task<ProcessOutcome> RunAsync(IServiceProvider services, ProcessRequest request, IProgress<PipelineEvent> progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var factory = services.GetRequiredService<VideoGrainFactory>();
        var identity = await factory.IdentifyAsync(request.Input, request.Options, cancellationToken);
        using var videoLock = VideoLock.Acquire(factory.VideoDirectory(identity.VideoId), identity.VideoId);
        var grain = await factory.ActivateAsync(identity, cancellationToken);
        var output = Path.GetFullPath(request.OutputDirectory);
        IReadOnlyList<StageRun> runs;
        try
        {
            runs = await grain.RunAsync(progress, cancellationToken);
        }
        catch (BudgetExceededException ex)
        {
            var partial = grain.State.Partials.TryGetValue(StageNames.Select, out var saved) ? saved.Result.Deserialize<LlmProgress>(StateJson.Options) : null;
            await OutputPublisher.PublishStoppedAsync(output, BudgetStopReport.From(identity.VideoId, grain.State.Source.Path, ex.Message, partial), cancellationToken);
            throw;
        }

        var report = RunReportBuilder.Build(
            grain.State, runs, Stopwatch.GetElapsedTime(started), OutputPublisher.EdlFileName, OutputPublisher.RenderFileName, OutputPublisher.ReportFileName);
        await OutputPublisher.PublishAsync(
            output,
            EdlSourcePath.Naming(grain.State.Checkpoints[StageNames.Edl].Result, grain.State.Source.Path),
            Path.Combine(grain.WorkDirectory, grain.State.ResultOf<RenderResult>(StageNames.Render)!.FileName),
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
