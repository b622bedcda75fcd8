using Highlights.Silo.Database;
using Highlights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Highlights.Cli.Commands;

/// <summary>Runs a command body with the cluster database registered (<c>--db</c>, else <c>HIGHLIGHTS_DB</c>), mapping failures to exit codes.</summary>
public static class DatabaseHost
{
    public static async Task<int> RunAsync(
        string? db,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? services = null)
    {
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddHighlightsSources();
            builder.Configuration.AddInMemoryCollection(DbOverride(db));
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddHighlightsDatabase();
            services?.Invoke(builder.Services);
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            var code = await body(host.Services, cancellationToken);
            await host.StopAsync(CancellationToken.None);
            return code;
        }
        catch (Exception ex)
        {
            return CommandFailure.Report(ex, Console.Error);
        }
    }

    /// <summary><c>--db</c> as a configuration override, so it wins over <c>HIGHLIGHTS_DB</c> and highlights.json.</summary>
    public static Dictionary<string, string?> DbOverride(string? db) =>
        db is null ? [] : new() { [DbOptions.Key] = db };
}
