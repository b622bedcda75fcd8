using System.Net.Http.Headers;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Silo.Api;
using Highlights.Silo.Hosting;
using Highlights.Silo.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// The silo application in-process (the same <see cref="SiloApplication"/> the CLI runs: an Orleans silo of its own
/// cluster in the test's database) on free loopback ports, with no workers, so every video stays exactly where the API
/// put it. Its log entries are kept in <see cref="Logs"/>.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const long MaxUploadBytes = 256 * 1024;

    private readonly WebApplication app;
    private readonly DirectoryInfo temp;
    private readonly bool ownsDatabase;

    private ApiHost(ClusterDatabase database, bool ownsDatabase, DirectoryInfo temp, IReadOnlyDictionary<string, string?>? settings, TimeProvider? time)
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
        this.temp = temp;
        Directory.CreateDirectory(AllowedRoot);
        Directory.CreateDirectory(Outside);
        var configuration = new Dictionary<string, string?>
        {
            ["Db"] = database.ConnectionString,
            ["State:Directory"] = StateDirectory,
            ["AllowedRoots:0"] = AllowedRoot,
            ["Api:MaxUploadBytes"] = $"{MaxUploadBytes}",
            ["Cluster:Workers"] = "0",
            ["Cluster:SiloPort"] = $"{LoopbackPort.Free()}",
            ["Cluster:ResumeInterval"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        app = SiloApplication.Build(configuration, "http://127.0.0.1:0", services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            if (time is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(time));
            }
        });
    }

    public ClusterDatabase Database { get; }

    public CapturedLogs Logs { get; } = new();

    public string AllowedRoot => Path.Combine(temp.FullName, "media");

    public string Outside => Path.Combine(temp.FullName, "private");

    public string StateDirectory => Path.Combine(temp.FullName, "state");

    public string UploadDirectory => Path.Combine(StateDirectory, "uploads");

    public Uri Address { get; private set; } = null!;

    /// <param name="settings">Configuration on top of the defaults above (key as in highlights.json, e.g. <c>Api:MaxWaitingPerTenant</c>).</param>
    /// <param name="time">The clock of every service; default the system's.</param>
    /// <param name="prepare">Runs on the state directory before the host starts.</param>
    /// <param name="connectionString">Rewrites the test database's connection string (pool settings).</param>
    /// <param name="database">A database that outlives this host (a second host on the same one); default a new one of its own.</param>
    public static async Task<ApiHost> StartAsync(
        PostgresServer server,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        Action<string>? prepare = null,
        Func<string, string>? connectionString = null,
        ClusterDatabase? database = null)
    {
        var owns = database is null;
        database ??= await ClusterDatabase.CreateAsync(server, migrate: false);
        var temp = Directory.CreateTempSubdirectory("highlights-api-");
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (connectionString is not null)
        {
            merged["Db"] = connectionString(database.ConnectionString);
        }

        var host = new ApiHost(database, owns, temp, merged, time);
        prepare?.Invoke(host.StateDirectory);
        await host.app.StartAsync();
        host.Address = new Uri(host.app.Urls.First());
        return host;
    }

    public async Task<HttpClient> ClientForTenantAsync(string tenant)
    {
        var key = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(tenant, CancellationToken.None);
        return Client(key);
    }

    public async Task<string> KeyForTenantAsync(string tenant) =>
        await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(tenant, CancellationToken.None);

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>Submits, as the API does, a video whose source is a made-up file description (no worker runs it here).</summary>
    public async Task<string> SubmitMadeUpAsync(string tenant, string sha)
    {
        var options = new ProcessingOptions();
        var identity = new VideoIdentity(VideoId.For(sha, options), new VideoSource($"/media/{sha}.mp4", 100, sha), options);
        var submitted = await Service<TenantVideos>().SubmitAsync(tenant, identity, maxWaiting: int.MaxValue, CancellationToken.None);
        return submitted!.Value.Video.State.VideoId;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        temp.Delete(recursive: true);
    }
}
