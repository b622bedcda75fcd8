using Microsoft.Extensions.Hosting;

namespace Highlights.Silo.Database;

/// <summary>Brings the schema up to date before the silo's other services start; safe when many silos start together.</summary>
public sealed class MigrateAtStartService(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
