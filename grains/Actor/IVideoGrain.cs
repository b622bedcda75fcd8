using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>
/// One video, keyed by its id. Calls start, stop and read the video; none waits for the pipeline, which runs in the
/// background and reports to subscribed <see cref="IVideoObserver"/>s.
/// </summary>
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>Creates the video on its first submit and queues it; a later submit of the same id returns it as it is.</summary>
    Task<VideoSnapshot> SubmitAsync(VideoSubmission submission);

    /// <summary>
    /// Runs the video now, whatever its status (the CLI's <c>process</c> and <c>analyze</c>): a failed or cancelled
    /// video resumes from its checkpoints, a completed one replays them. Creates the video if it is new.
    /// </summary>
    Task<VideoSnapshot> RunAsync(VideoRunRequest request);

    /// <summary>How the video stands, without its stages' results (see <see cref="ResultAsync"/>); null for no video.</summary>
    Task<VideoSnapshot?> GetAsync();

    /// <summary>The JSON result of <paramref name="stage"/>'s checkpoint (the EDL, the render's file), or null while it has none.</summary>
    Task<string?> ResultAsync(string stage);

    /// <summary>The video's EDL versions, version 1 (the machine's) first; empty while it has no EDL.</summary>
    Task<IReadOnlyList<EdlVersionInfo>> EdlVersionsAsync();

    /// <summary>The EDL JSON of <paramref name="version"/>, or null when the video has no such version.</summary>
    Task<string?> EdlOfVersionAsync(int version);

    /// <summary>
    /// Saves an edited EDL (<see cref="Edl.EdlReviser"/>) as the next version of a completed video and starts rendering
    /// its reel in the background; refuses an invalid edit with its problem, and any edit while the video is not completed.
    /// </summary>
    Task<EdlRevisionOutcome> ReviseEdlAsync(Edl.EdlDocument edl, string createdBy);

    /// <summary>Stops the running stage (its finished work is kept) or takes a waiting video out of line.</summary>
    Task<VideoControl> CancelAsync();

    /// <summary>Queues a failed, cancelled or budget-stopped video again with a fresh count of tries.</summary>
    Task<VideoControl> RetryAsync();

    /// <summary>
    /// Retention deleted the video's work files: a failed, cancelled or budget-stopped video forgets the checkpoints
    /// that stood for them (its EDL stays readable), so a retry starts from the source again.
    /// </summary>
    Task ForgetWorkAsync();

    Task SubscribeAsync(IVideoObserver observer);

    Task UnsubscribeAsync(IVideoObserver observer);
}

/// <summary>Told what a video's run does, in order, then how it ended.</summary>
public interface IVideoObserver : IGrainObserver
{
    void OnEvent(PipelineEvent pipelineEvent);

    void OnRunEnded(RunEnded ended);
}

/// <param name="Tenant">Who pays for the video's LLM calls.</param>
public sealed record VideoSubmission(VideoIdentity Identity, string Tenant);

/// <param name="ThroughStage">Stop after this stage and leave the video pending (an analysis); null runs every stage.</param>
public sealed record VideoRunRequest(VideoIdentity Identity, string? ThroughStage = null);

/// <param name="State">The video's state without its stages' results (<see cref="VideoState.WithoutResults"/>).</param>
/// <param name="Active">A run of the video is going on (or waiting for a worker) in <paramref name="Silo"/>.</param>
/// <param name="StageProgress">Fraction 0..1 of the running stage, as it last reported; null when none runs.</param>
public sealed record VideoSnapshot(VideoState State, bool Active, string Silo, double? StageProgress);

/// <param name="Action">What the request did: applied at once, asked of the running stage, or refused.</param>
public sealed record VideoControl(ControlAction Action, VideoSnapshot? Video);

/// <summary>How a run ended: the state it left and, unless it completed (or paused after an analysis), why it stopped.</summary>
public sealed record RunEnded(VideoState State, IReadOnlyList<StageRun> Runs, RunFailure? Failure);
