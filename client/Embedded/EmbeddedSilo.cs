using Highlights.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Highlights.Cli.Embedded;

/// <summary>
/// The silo's services hosted inside the CLI process: the same pipeline a worker silo runs, with the file
/// state store and no server. Options are validated when it starts, so a bad setting fails before any work.
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
        // the content root) describe a web host the user never started.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);

        // A failed stage ends the command with its reason as the error line; the grain's own warning would say it twice.
        builder.Logging.AddFilter(typeof(Highlights.Grains.Actor.VideoGrain).FullName, verbose ? LogLevel.Information : LogLevel.Error);
        builder.AddHighlightsPipeline();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
