using System.Net;
using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Costs;
using Highlights.Silo.Database;
using Highlights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Highlights.Silo.Cluster;

/// <summary>
/// Makes a host an Orleans silo of the cluster kept in PostgreSQL: ADO.NET membership, grain storage and reminders
/// (invariant <c>Npgsql</c>, Orleans' own tables), the database migrated before the silo joins. Call after <c>AddHighlightsPipeline</c>.
/// </summary>
public static class ClusterHostingExtensions
{
    public const string AdoNetInvariant = "Npgsql";

    public static IHostApplicationBuilder AddHighlightsCluster(this IHostApplicationBuilder builder)
    {
        builder.AddHighlightsDatabase();
        var services = builder.Services;
        services.AddOptions<SiloClusterOptions>()
            .Bind(builder.Configuration.GetSection(SiloClusterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (builder.Configuration[$"{SiloClusterOptions.Section}:{nameof(SiloClusterOptions.Pipeline)}"] == "noop")
        {
            services.AddSingleton(new PipelineStages([new NoopStage()]));
        }

        // Registered before the silo's: the schema is brought up to date before Orleans reads its tables.
        services.AddHostedService<MigrateAtStartService>();
        services.AddSingleton<PostgresVideoIndex>();
        services.AddSingleton<IVideoIndex>(sp => sp.GetRequiredService<PostgresVideoIndex>());

        // LLM spend goes to the shared cost_ledger table (the daily budget holds across silos), not the embedded file ledger.
        services.Replace(ServiceDescriptor.Singleton<ICostLedger, PostgresCostLedger>());

        // The silo is configured from the raw settings: Orleans wires its providers while the host is built, before
        // options validation runs (which still reports a bad value at start).
        var cluster = builder.Configuration.GetSection(SiloClusterOptions.Section).Get<SiloClusterOptions>() ?? new SiloClusterOptions();
        var connectionString = builder.Configuration[DbOptions.Key];
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = "highlights";
            });
            silo.ConfigureEndpoints(IPAddress.TryParse(cluster.AdvertisedAddress, out var address) ? address : IPAddress.Loopback, cluster.SiloPort, gatewayPort: 0);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = cluster.ProbeTimeout;
                o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            });
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = AdoNetInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(VideoGrain.StorageName, o =>
            {
                o.Invariant = AdoNetInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = AdoNetInvariant;
                o.ConnectionString = connectionString;
            });

            // Orleans' default directory is eventually consistent: for a moment after a silo dies, two silos can each
            // activate the same video, and both pay for its next LLM chunk before the ETag stops one. The distributed
            // directory keeps one activation per video through membership changes (marked experimental, as is the
            // placement filter).
#pragma warning disable ORLEANSEXP003
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            silo.AddHighlightsGrains();
        });
        return builder;
    }
}
