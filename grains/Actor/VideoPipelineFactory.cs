using Highlights.Grains.Captions;
using Highlights.Grains.Hashing;
using Highlights.Grains.Inputs;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Actor;

/// <summary>
/// Names a video (by content hash and options) and builds the pipeline its <see cref="VideoGrain"/> runs over the
/// grain's state. Every host uses it: the CLI's in-process silo and the cluster's silos.
/// </summary>
public sealed class VideoPipelineFactory(
    PipelineStages stages,
    IOptions<StateOptions> stateOptions,
    StageBudget budget,
    InputFileGuard files,
    TimeProvider time,
    ILogger<VideoPipeline> logger,
    HighlightsMetrics metrics)
{
    private readonly string workRoot = Path.GetFullPath(stateOptions.Value.Directory);

    /// <summary>The video's work directory (artefacts too large for a checkpoint) under <c>State:Directory</c>.</summary>
    public string VideoDirectory(string videoId) => Path.Combine(workRoot, videoId);

    /// <summary>
    /// Hashes the source and the captions the run will use (the file given, else a sidecar the guard admits) into
    /// the video's identity, so adding, changing or removing a sidecar makes another video. Rejects a missing, empty,
    /// special or forbidden file.
    /// </summary>
    public async Task<VideoIdentity> IdentifyAsync(string sourcePath, ProcessingOptions options, CancellationToken cancellationToken)
    {
        var source = await DescribeSourceAsync(sourcePath, cancellationToken);
        var captions = options.CaptionsPath is { } given
            ? files.Admit(given, "caption file")
            : SidecarCaptions.Find(source.Path) is { } sidecar ? files.Check(sidecar, out _) : null;
        if (captions is not null)
        {
            options = options with { CaptionsPath = captions, CaptionsSha256 = await ContentHash.Sha256Async(captions, cancellationToken) };
        }

        return new VideoIdentity(VideoId.For(source.Sha256, options), source, options);
    }

    /// <summary>One run of the stages over <paramref name="state"/>, saving every transition to <paramref name="store"/>.</summary>
    /// <param name="interrupted">Cancelled (with the run's own token) when the host, not the user, stops the run.</param>
    public VideoPipeline Pipeline(VideoState state, IVideoStateStore store, CancellationToken interrupted = default) =>
        new(state, stages.All, store, VideoDirectory(state.VideoId), time, logger, metrics, budget, files, interrupted);

    private async Task<VideoSource> DescribeSourceAsync(string sourcePath, CancellationToken cancellationToken)
    {
        var real = files.Admit(sourcePath, "source file");
        var length = new FileInfo(real).Length;
        if (length == 0)
        {
            throw new InputRejectedException($"{sourcePath}: file is empty");
        }

        return new VideoSource(real, length, await ContentHash.Sha256Async(real, cancellationToken));
    }
}
