using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>What a running stage may see: the state as of its start, its video's work directory, and a progress sink.</summary>
public sealed class StageContext(VideoState state, string workDirectory, Action<double, string?> reportProgress)
{
    public VideoState State { get; } = state;

    /// <summary>Per-video directory for artefacts too large for the checkpoint (PCM audio, the render).</summary>
    public string WorkDirectory { get; } = workDirectory;

    /// <summary>Results of earlier stages, read from the checkpoint.</summary>
    public T? ResultOf<T>(string stage) where T : class => State.ResultOf<T>(stage);

    public T Require<T>(string stage) where T : class =>
        State.ResultOf<T>(stage) ?? throw new InvalidOperationException($"stage {stage} has no checkpoint for video {State.VideoId}");

    /// <param name="fraction">0..1 of this stage, or NaN when the stage cannot tell.</param>
    public void ReportProgress(double fraction, string? detail = null) => reportProgress(fraction, detail);
}
