using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Database;

/// <summary>Registers the cluster database: validated <see cref="DbOptions"/>, one <see cref="NpgsqlDataSource"/>, the migration runner.</summary>
public static class DatabaseHostingExtensions
{
    public static IHostApplicationBuilder AddHighlightsDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DbOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration[DbOptions.Key])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => NpgsqlDataSource.Create(ConnectionPoolDefaults.Apply(sp.GetRequiredService<IOptions<DbOptions>>().Value.ConnectionString!)));
        services.AddSingleton<MigrationRunner>();
        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
