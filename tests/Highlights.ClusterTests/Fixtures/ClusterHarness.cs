using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.Silo.Cluster;
using Highlights.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// The cluster's parts wired by hand over a fresh database and a manual clock, so one test can play several
/// silos (each with its own identity, queue view and lease keeper) and move time instead of sleeping.
/// </summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("highlights-cluster-");

    private ClusterHarness(NpgsqlDataSource db, IReadOnlyList<IVideoStage> stages, ClusterOptions options)
    {
        Db = db;
        Options = options;
        Stages = new PipelineStages(stages);
        Catalog = new VideoCatalog(db, Time);
    }

    public ManualTimeProvider Time { get; } = new();

    public NpgsqlDataSource Db { get; }

    public ClusterOptions Options { get; }

    public PipelineStages Stages { get; }

    /// <summary>Shared by every silo of the harness, as the process-wide counters were.</summary>
    public HighlightsMetrics Metrics { get; } = HighlightsMetrics.Unexported();

    public VideoCatalog Catalog { get; }

    public string WorkDirectory => work.FullName;

    public static async Task<ClusterHarness> CreateAsync(PostgresServer server, IReadOnlyList<IVideoStage> stages, ClusterOptions? options = null)
    {
        var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var harness = new ClusterHarness(db, stages, options ?? new ClusterOptions { LeaseDuration = TimeSpan.FromSeconds(30), HeartbeatInterval = TimeSpan.FromSeconds(5) });
        await new MigrationRunner(db, harness.Time, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>One silo's view of the cluster: its queue, active videos, lease keeper and runner.</summary>
    public SiloParts Silo(string name)
    {
        var identity = SiloIdentity.Named(name);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var queue = new VideoQueue(Db, options, Time, Metrics);
        var active = new ActiveVideos();
        var registry = new SiloRegistry(Db, identity, Time);
        var keeper = new LeaseKeeper(queue, registry, identity, active, options, Time, NullLogger<LeaseKeeper>.Instance);
        var grains = new VideoPipelineFactory(
            Stages,
            new FileVideoStateStore(WorkDirectory),
            Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = WorkDirectory }),
            StageBudget.Unlimited,
            Highlights.Grains.Inputs.InputFileGuard.Unrestricted,
            Time,
            NullLogger<VideoGrain>.Instance,
            Metrics);
        var runner = new VideoRunner(Db, grains, queue, active, options, Time, NullLogger<VideoRunner>.Instance);
        return new SiloParts(identity.Id, queue, active, keeper, runner, registry);
    }

    /// <summary>Submits a video whose source is a made-up file description (the fake stages never read it).</summary>
    public async Task<string> SubmitAsync(string tenant = "acme", string sha = "cafe")
    {
        var options = new ProcessingOptions();
        var identity = new VideoIdentity(VideoId.For(sha, options), new VideoSource($"/media/{sha}.mp4", 100, sha), options);
        var (video, _) = await Catalog.SubmitAsync(tenant, identity, CancellationToken.None);
        return video.State.VideoId;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        work.Delete(recursive: true);
    }
}

public sealed record SiloParts(string Id, VideoQueue Queue, ActiveVideos Active, LeaseKeeper Keeper, VideoRunner Runner, SiloRegistry Registry);
