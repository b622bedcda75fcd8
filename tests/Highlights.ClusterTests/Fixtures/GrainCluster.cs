using System.Collections.Concurrent;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Inputs;
using Highlights.Grains.Media;
using Highlights.Grains.Render;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// Several Orleans silos in this process (<see cref="TestCluster"/>) hosting the real video grain over scripted
/// stages, with the file grain storage on one folder (so ETags are real) and in-memory reminders.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, GrainCluster> Running = new();

    private readonly string key = Guid.NewGuid().ToString("N");
    private readonly DirectoryInfo state = Directory.CreateTempSubdirectory("highlights-grains-");

    private GrainCluster(IReadOnlyList<IVideoStage> stages, int silos, IReadOnlyDictionary<string, string?>? settings)
    {
        Stages = new PipelineStages(stages);
        Running[key] = this;
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties["GrainCluster"] = key;
        builder.Properties["State:Directory"] = state.FullName;
        builder.Properties["Cluster:Workers"] = "1";
        builder.Properties["Cluster:ResumeInterval"] = "00:00:01";
        builder.Properties["Cluster:RetryBackoff"] = "00:00:00.200";
        builder.Properties["Cluster:RetryBackoffMax"] = "00:00:01";
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Properties[name] = value;
        }

        builder.AddSiloBuilderConfigurator<Silo>();
        builder.AddClientBuilderConfigurator<Client>();
        Cluster = builder.Build();
    }

    public TestCluster Cluster { get; }

    public PipelineStages Stages { get; }

    public string StateDirectory => state.FullName;

    public static async Task<GrainCluster> StartAsync(IReadOnlyList<IVideoStage> stages, int silos = 2, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new GrainCluster(stages, silos, settings);
        await cluster.Cluster.DeployAsync();
        return cluster;
    }

    public IVideoGrain Video(string id) => Cluster.GrainFactory.GetGrain<IVideoGrain>(id);

    /// <summary>Submits a video whose source is a made-up file description (the scripted stages never read it).</summary>
    public Task<VideoSnapshot> SubmitAsync(string id, string tenant = "acme") =>
        Video(id).SubmitAsync(new VideoSubmission(new VideoIdentity(id, new VideoSource($"/media/{id}.mp4", 100, id), new ProcessingOptions()), tenant));

    /// <summary>Polls the video until <paramref name="done"/> holds, failing after <paramref name="timeout"/> (default 20 s).</summary>
    public async Task<VideoSnapshot> UntilAsync(string id, Func<VideoSnapshot, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        VideoSnapshot? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await Video(id).GetAsync();
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"video {id} never got there; last: {last?.State.Status} at {last?.State.CurrentStage}, attempts {last?.State.Attempts}");
        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Running.TryRemove(key, out _);
        state.Delete(recursive: true);
    }

    private sealed class Client : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.Services.AddSerializer(serializer => serializer.AddHighlightsTypes());
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var cluster = Running[silo.Configuration["GrainCluster"]!];
            silo.AddHighlightsGrains();
            silo.UseInMemoryReminderService();
            var services = silo.Services;
            services.AddOptions<VideoRunOptions>().Bind(silo.Configuration.GetSection(VideoRunOptions.Section));
            services.AddOptions<StateOptions>().Bind(silo.Configuration.GetSection(StateOptions.Section));
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(cluster.Stages);
            services.AddSingleton(StageBudget.Unlimited);
            services.AddSingleton(InputFileGuard.Unrestricted);
            services.AddSingleton(_ => HighlightsMetrics.Unexported());
            services.AddSingleton(IVideoIndex.None);
            services.AddSingleton<VideoPipelineFactory>();

            // What an edited EDL version needs; these tests' stages are scripted, so no version is ever rendered here.
            services.AddSingleton<IMediaTool, FfmpegMediaTool>();
            services.AddSingleton<ReelRenderer>();
            services.AddSingleton<VersionReelRenderer>();
            services.AddSingleton<EdlReviser>();
            silo.AddFileVideoStorage();
        }
    }
}
