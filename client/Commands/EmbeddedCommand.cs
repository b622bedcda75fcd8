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
            try
            {
                return await body(host.Services, cancellationToken);
            }
            finally
            {
                // Stopped, not only disposed, on every path: the in-process silo leaves the way it came in.
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            return CommandFailure.Report(ex, Console.Error);
        }
    }
}
