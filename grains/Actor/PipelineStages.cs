namespace Highlights.Grains.Actor;

/// <summary>The stages in the order they run. One list, shared by every host, so the CLI and silos run the same pipeline.</summary>
public sealed class PipelineStages(IReadOnlyList<IVideoStage> stages)
{
    public IReadOnlyList<IVideoStage> All { get; } = stages;

    public IEnumerable<string> Names => All.Select(s => s.Name);
}
