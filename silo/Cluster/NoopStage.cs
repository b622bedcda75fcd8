using System.Text.Json;
using Highlights.Grains.Actor;

namespace Highlights.Silo.Cluster;

/// <summary>
/// The whole pipeline of a silo started with <c>--pipeline noop</c>: one stage that returns at once, so a benchmark
/// measures only claiming, checkpointing and releasing. Never part of the product's pipeline.
/// </summary>
public sealed class NoopStage : IVideoStage
{
    public string Name => "noop";

    public int ResultVersion => 1;

    public Task<JsonElement> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult(JsonSerializer.SerializeToElement(new { }));
}
