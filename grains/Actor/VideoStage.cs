using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>Base for stages with a typed result record; serialisation to the checkpoint happens here, once.</summary>
public abstract class VideoStage<TResult> : IVideoStage
{
    public abstract string Name { get; }

    public virtual int ResultVersion => 1;

    public virtual bool Reusable(StageCheckpoint checkpoint, ProcessingOptions options) => true;

    public async Task<JsonElement> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(context, cancellationToken);
        return JsonSerializer.SerializeToElement(result, StateJson.Options);
    }

    protected abstract Task<TResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken);
}
