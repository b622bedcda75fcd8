using System.Globalization;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Serialization;
using Orleans.Storage;

namespace Highlights.Silo.Hosting;

/// <summary>What every silo that hosts video grains needs, embedded or clustered; the storage and membership differ.</summary>
public static class GrainHostingExtensions
{
    public static ISiloBuilder AddHighlightsGrains(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(serializer => serializer.AddHighlightsTypes());
        silo.Services.AddSingleton<IGrainStorageSerializer, StateJsonGrainStorageSerializer>();
        silo.Services.AddSingleton<WorkerSlots>();

        // Published to the cluster for WorkerSilosOnly placement. Read raw: options are validated later, at start.
        var workers = silo.Configuration.GetSection(VideoRunOptions.Section).Get<VideoRunOptions>()?.Workers ?? new VideoRunOptions().Workers;
        silo.UseSiloMetadata(new Dictionary<string, string> { [WorkerSilosOnlyDirector.WorkersKey] = workers.ToString(CultureInfo.InvariantCulture) });
#pragma warning disable ORLEANSEXP004 // see WorkerSilosOnlyAttribute
        silo.Services.AddPlacementFilter<WorkerSilosOnlyStrategy, WorkerSilosOnlyDirector>(ServiceLifetime.Singleton);
#pragma warning restore ORLEANSEXP004

        // The same rule, for a video on an API-only silo deciding when to move (see VideoGrain).
        silo.Services.AddSingleton<WorkerSilosOnlyDirector>();

        // The resume reminder ticks in seconds, not Orleans' default minimum of a minute: it bounds kill-to-resume.
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        return silo;
    }

    /// <summary>Video state in files under <c>State:Directory</c>, beside each video's work files (a silo that keeps to one machine).</summary>
    public static ISiloBuilder AddFileVideoStorage(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(VideoGrain.StorageName, (sp, _) => new FileGrainStorage(
            sp.GetRequiredService<IOptions<StateOptions>>().Value.Directory, sp.GetRequiredService<IGrainStorageSerializer>()));
        return silo;
    }

    /// <summary>Our records (state with JSON checkpoints, events, snapshots) through System.Text.Json, as the state files spell them; for silos and clients alike.</summary>
    public static ISerializerBuilder AddHighlightsTypes(this ISerializerBuilder serializer) => serializer.AddJsonSerializer(IsOurs, StateJson.Options);

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("Highlights.", StringComparison.Ordinal) == true && !type.IsInterface && !typeof(IAddressable).IsAssignableFrom(type);
}
