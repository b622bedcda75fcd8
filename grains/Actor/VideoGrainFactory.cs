using Highlights.Grains.Captions;
using Highlights.Grains.Hashing;
using Highlights.Grains.Inputs;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Actor;

/// <summary>
/// Finds or creates the video (by content hash and options) and activates its grain over the stored state.
/// Every host uses it: the CLI with its default (file) store, silos with a store bound to their lease.
/// </summary>
public sealed class VideoGrainFactory(
    PipelineStages stages,
    IVideoStateStore store,
    IOptions<StateOptions> stateOptions,
    StageBudget budget,
    InputFileGuard files,
    TimeProvider time,
    ILogger<VideoGrain> logger,
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

    /// <summary>Loads the video's state (or creates it) and returns its grain. Call while holding the video's lock.</summary>
    public async Task<VideoGrain> ActivateAsync(VideoIdentity identity, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(identity.VideoId, cancellationToken)
            ?? VideoState.Create(identity.VideoId, identity.Source, identity.Options, time.GetUtcNow());

        // The same content may have moved; later stages must read it where it is now.
        state = state with { Source = identity.Source, Options = identity.Options };
        return Activate(state, store);
    }

    /// <summary>The grain over a state already loaded from <paramref name="stateStore"/>, which it saves back to.</summary>
    public VideoGrain Activate(VideoState state, IVideoStateStore stateStore) =>
        new(state, stages.All, stateStore, VideoDirectory(state.VideoId), time, logger, metrics, budget, files);

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
