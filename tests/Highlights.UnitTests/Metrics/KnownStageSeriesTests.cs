using Highlights.Grains.Actor;
using Highlights.Silo.Hosting;
using Highlights.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Highlights.UnitTests.Metrics;

public sealed class KnownStageSeriesTests
{
    /// <summary>The zero series are published from <see cref="StageNames.All"/>: a stage added to the pipeline but not there would have none.</summary>
    [Fact]
    public void Every_stage_the_hosts_run_is_among_the_stages_published_at_zero()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Prompts:Directory"] = RepoPrompts.Directory;
        builder.AddHighlightsPipeline();
        using var services = builder.Services.BuildServiceProvider();

        var stages = services.GetRequiredService<PipelineStages>();

        Assert.Equal(StageNames.All.Order(), stages.Names.Order());
    }
}
