using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Costs;
using Highlights.Silo.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Highlights.Silo.Cluster;

/// <summary>Makes a host a worker silo: database (migrated at start), queue, leases, and the claim loops. Call after <c>AddHighlightsPipeline</c>.</summary>
public static class ClusterHostingExtensions
{
    public static IHostApplicationBuilder AddHighlightsCluster(this IHostApplicationBuilder builder)
    {
        builder.AddHighlightsDatabase();
        var services = builder.Services;
        services.AddOptions<ClusterOptions>()
            .Bind(builder.Configuration.GetSection(ClusterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (builder.Configuration[$"{ClusterOptions.Section}:{nameof(ClusterOptions.Pipeline)}"] == "noop")
        {
            services.AddSingleton(new PipelineStages([new NoopStage()]));
        }

        services.AddSingleton<SiloIdentity>();
        services.AddSingleton<SiloRegistry>();
        services.AddSingleton<VideoQueue>();
        services.AddSingleton<VideoCatalog>();
        services.AddSingleton<ActiveVideos>();
        services.AddSingleton<LeaseKeeper>();
        services.AddSingleton<VideoRunner>();

        // LLM spend goes to the shared cost_ledger table (the daily budget holds across silos), not the embedded file ledger.
        services.Replace(ServiceDescriptor.Singleton<ICostLedger, PostgresCostLedger>());

        // Registered in this order so the schema is current before any worker claims.
        services.AddHostedService<MigrateAtStartService>();
        services.AddHostedService<SiloWorkerService>();
        return builder;
    }
}
