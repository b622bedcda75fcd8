using Highlights.Cli.Embedded;
using Microsoft.Extensions.Hosting;

namespace Highlights.Cli.Commands;

/// <summary>Runs a command body inside a started embedded silo, mapping every failure to a message and an exit code.</summary>
public static class EmbeddedCommand
{
    public static async Task<int> RunAsync(bool verbose, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            using var host = await EmbeddedSilo.StartAsync(verbose, cancellationToken);
            var code = await body(host.Services, cancellationToken);
            await host.StopAsync(CancellationToken.None);
            return code;
        }
        catch (Exception ex)
        {
            return CommandFailure.Report(ex, Console.Error);
        }
    }
}
