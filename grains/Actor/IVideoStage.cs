using System.Text.Json;

namespace Highlights.Grains.Actor;

/// <summary>One step of the pipeline. Its result is checkpointed as JSON; bumping <see cref="ResultVersion"/> invalidates old checkpoints.</summary>
public interface IVideoStage
{
    string Name { get; }

    int ResultVersion { get; }

    Task<JsonElement> RunAsync(StageContext context, CancellationToken cancellationToken);
}
