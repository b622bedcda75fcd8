using System.Text.Json;
using Highlights.Cli.Embedded;
using Highlights.Grains.Actor;
using Highlights.Grains.Signals;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

public sealed record AnalyzeOutcome(string VideoId, string SignalsPath, SignalsResult Result, IReadOnlyList<StageRun> Runs);

/// <summary>One <c>analyze</c> run: the pipeline up to the signals stage (same checkpoints as <c>process</c>), then signals.json.</summary>
public static class AnalyzeJob
{
    public const string SignalsFileName = "signals.json";

    public static async Task<AnalyzeOutcome> RunAsync(IServiceProvider services, ProcessRequest request, IProgress<PipelineEvent> progress, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<VideoPipelineFactory>();
        var identity = await factory.IdentifyAsync(request.Input, request.Options, cancellationToken);
        using var videoLock = VideoLock.Acquire(factory.VideoDirectory(identity.VideoId), identity.VideoId);
        var ended = RunFailedException.ThrowIfFailed(await VideoRunWatcher.RunAsync(
            services.GetRequiredService<IGrainFactory>(), new VideoRunRequest(identity, StageNames.Signals), progress, cancellationToken));
        var runs = ended.Runs;

        var result = ended.State.ResultOf<SignalsResult>(StageNames.Signals)!;
        var output = Path.GetFullPath(request.OutputDirectory);
        Directory.CreateDirectory(output);
        var path = Path.Combine(output, SignalsFileName);
        await AtomicFile.WriteAsync(path, stream => JsonSerializer.SerializeAsync(stream, result.Signals, StateJson.Options, cancellationToken), cancellationToken);
        return new AnalyzeOutcome(identity.VideoId, path, result, runs);
    }
}
