using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>
/// What a running stage may see and do: the state as of its start, its video's work directory, a progress sink,
/// and a way to checkpoint part of its work so a restart continues from there.
/// </summary>
public sealed class StageContext(
    VideoState state,
    string workDirectory,
    int resultVersion,
    Action<double, string?> reportProgress,
    Func<JsonElement, CancellationToken, Task> savePartial,
    Func<string> admitSource)
{
    public VideoState State { get; } = state;

    /// <summary>Per-video directory for artefacts too large for the checkpoint (PCM audio, the render).</summary>
    public string WorkDirectory { get; } = workDirectory;

    /// <summary>
    /// The source's real path, re-resolved and re-checked (allowed roots, regular file) now: call it where the stage
    /// opens the source, and open what it returns, not the path recorded at submit.
    /// </summary>
    public string SourcePath() => admitSource();

    /// <summary>Results of earlier stages, read from the checkpoint.</summary>
    public T? ResultOf<T>(string stage) where T : class => State.ResultOf<T>(stage);

    public T Require<T>(string stage) where T : class =>
        State.ResultOf<T>(stage) ?? throw new InvalidOperationException($"stage {stage} has no checkpoint for video {State.VideoId}");

    /// <param name="fraction">0..1 of this stage, or NaN when the stage cannot tell.</param>
    public void ReportProgress(double fraction, string? detail = null) => reportProgress(fraction, detail);

    /// <summary>This stage's work saved by an earlier, interrupted run (same result version), or null.</summary>
    public T? SavedPartial<T>() where T : class =>
        State.CurrentStage is { } stage ? State.PartialOf<T>(stage, resultVersion) : null;

    /// <summary>Durably records this stage's work so far; returns once it is saved. Each call replaces the previous one.</summary>
    public Task SavePartialAsync<T>(T partial, CancellationToken cancellationToken) =>
        savePartial(JsonSerializer.SerializeToElement(partial, StateJson.Options), cancellationToken);
}
