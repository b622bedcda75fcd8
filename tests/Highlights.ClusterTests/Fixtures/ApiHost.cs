using System.Net.Http.Headers;
using Highlights.Silo.Hosting;
using Highlights.Silo.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// The silo application in-process (the same <see cref="SiloApplication"/> the CLI runs) on a free loopback port,
/// with no workers, so every video stays exactly where the API put it.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const long MaxUploadBytes = 256 * 1024;

    private readonly WebApplication app;
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-api-");

    private ApiHost(ClusterDatabase database)
    {
        Database = database;
        Directory.CreateDirectory(AllowedRoot);
        Directory.CreateDirectory(Outside);
        app = SiloApplication.Build(
            new Dictionary<string, string?>
            {
                ["Db"] = database.ConnectionString,
                ["State:Directory"] = StateDirectory,
                ["AllowedRoots:0"] = AllowedRoot,
                ["Api:MaxUploadBytes"] = $"{MaxUploadBytes}",
                ["Cluster:Workers"] = "0",
            },
            "http://127.0.0.1:0");
    }

    public ClusterDatabase Database { get; }

    public string AllowedRoot => Path.Combine(temp.FullName, "media");

    public string Outside => Path.Combine(temp.FullName, "private");

    public string StateDirectory => Path.Combine(temp.FullName, "state");

    public string UploadDirectory => Path.Combine(StateDirectory, "uploads");

    public Uri Address { get; private set; } = null!;

    public static async Task<ApiHost> StartAsync(PostgresServer server)
    {
        var host = new ApiHost(await ClusterDatabase.CreateAsync(server, migrate: false));
        await host.app.StartAsync();
        host.Address = new Uri(host.app.Urls.First());
        return host;
    }

    public async Task<HttpClient> ClientForTenantAsync(string tenant)
    {
        var key = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(tenant, CancellationToken.None);
        return Client(key);
    }

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

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Database.DisposeAsync();
        temp.Delete(recursive: true);
    }
}
