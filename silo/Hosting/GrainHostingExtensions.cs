using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Serialization;
using Orleans.Storage;

namespace Highlights.Silo.Hosting;

/// <summary>What every silo that hosts video grains needs, embedded or clustered; the storage and membership differ.</summary>
public static class GrainHostingExtensions
{
    public static ISiloBuilder AddHighlightsGrains(this ISiloBuilder silo)
    {
        // Our records (state with JSON checkpoints, events, snapshots) go over the wire as the state files spell them.
        silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(IsOurs, StateJson.Options));
        silo.Services.AddSingleton<IGrainStorageSerializer, StateJsonGrainStorageSerializer>();
        silo.Services.AddSingleton<WorkerSlots>();
#pragma warning disable ORLEANSEXP004 // see WorkerSilosOnlyAttribute
        silo.Services.AddPlacementFilter<WorkerSilosOnlyStrategy, WorkerSilosOnlyDirector>(ServiceLifetime.Singleton);
#pragma warning restore ORLEANSEXP004

        // The resume reminder ticks in seconds, not Orleans' default minimum of a minute: it bounds kill-to-resume.
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        return silo;
    }

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("Highlights.", StringComparison.Ordinal) == true && !type.IsInterface && !typeof(IAddressable).IsAssignableFrom(type);
}
