using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>One step of the pipeline. Its result is checkpointed as JSON; bumping <see cref="ResultVersion"/> invalidates old checkpoints.</summary>
public interface IVideoStage
{
    string Name { get; }

    int ResultVersion { get; }

    /// <summary>
    /// Whether a checkpoint of the same result version still stands for a run with these options. Options that
    /// change only one stage's outcome say so here instead of in the video's identity, so the stages before it are
    /// not redone.
    /// </summary>
    bool Reusable(StageCheckpoint checkpoint, ProcessingOptions options) => true;

    Task<JsonElement> RunAsync(StageContext context, CancellationToken cancellationToken);
}
