using System.CommandLine;
using System.Globalization;
using Highlights.Grains.Actor;
using Highlights.Silo.Cluster;
using Highlights.Silo.Hosting;
using Microsoft.Extensions.Hosting;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights silo</c>: a worker host plus the HTTP API, sharing videos with every other silo on the same database.</summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var workers = new Option<int?>("--workers") { Description = "Videos this silo runs at once (default Cluster:Workers, 2); 0 serves the API only" };
        var urls = new Option<string>("--urls") { Description = "Where the HTTP API listens", DefaultValueFactory = _ => SiloApplication.DefaultUrls };
        var pipeline = new Option<string?>("--pipeline") { Description = "full (default) or noop: one empty stage, for measuring the cluster itself" };
        var command = new Command("silo", "Run a worker silo with the HTTP API (an Orleans silo of the cluster kept in PostgreSQL)")
        {
            db, workers, urls, pipeline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = DatabaseHost.DbOverride(parse.GetValue(db));
            if (parse.GetValue(workers) is { } count)
            {
                overrides[$"{VideoRunOptions.Section}:{nameof(VideoRunOptions.Workers)}"] = count.ToString(CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(pipeline) is { } name)
            {
                overrides[$"{SiloClusterOptions.Section}:{nameof(SiloClusterOptions.Pipeline)}"] = name;
            }

            try
            {
                await using var app = SiloApplication.Build(overrides, parse.GetValue(urls)!);
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (Exception ex)
            {
                return CommandFailure.Report(ex, Console.Error);
            }
        });
        return command;
    }
}
