using System.Net;
using Highlights.Grains.Actor;
using Highlights.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Highlights.Cli.Embedded;

/// <summary>
/// An Orleans silo inside the CLI process: the same video grain and pipeline a cluster silo runs, clustered with
/// itself on loopback, its grain state in files under <c>State:Directory</c>, and no server. Options are validated
/// when it starts, so a bad setting fails before any work.
/// </summary>
public static class EmbeddedSilo
{
    public static async Task<IHost> StartAsync(bool verbose, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddHighlightsSources();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);

        // -v is for the pipeline's details; the framework's start-up lines ("Application started. Press Ctrl+C...",
        // the content root) describe a web host the user never started, and the in-process silo's notes (server GC,
        // reminder periods, shutdown) a cluster they never started.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);

        // A failed stage ends the command with its reason as the error line; the grain's own warning would say it twice.
        builder.Logging.AddFilter(typeof(Highlights.Grains.Actor.VideoPipeline).FullName, verbose ? LogLevel.Information : LogLevel.Error);
        builder.AddHighlightsPipeline();
        builder.UseOrleans(silo =>
        {
            // Its own one-silo cluster on a free loopback port (several commands may run at once), with no gateway: nothing connects from outside.
            var siloPort = LoopbackPort.Free();
            silo.UseLocalhostClustering(siloPort, gatewayPort: 0, primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, siloPort));
            silo.AddHighlightsGrains();
            silo.Services.AddSingleton(IVideoIndex.None);
            silo.AddFileVideoStorage();
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
