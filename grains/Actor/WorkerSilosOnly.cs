using System.Globalization;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Highlights.Grains.Actor;

#pragma warning disable ORLEANSEXP004 // Placement filtering is marked experimental; it is the documented way to keep grains off some silos.

/// <summary>
/// Places a video only on silos that run pipelines (<c>Cluster:Workers</c> above 0, published as silo metadata), so
/// an API-only silo serves requests but never holds a video that would wait there. With no worker silo in the
/// cluster every silo qualifies: the video waits in its grain until one joins.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class WorkerSilosOnlyAttribute() : PlacementFilterAttribute(new WorkerSilosOnlyStrategy());

public sealed class WorkerSilosOnlyStrategy() : PlacementFilterStrategy(order: 0);

public sealed class WorkerSilosOnlyDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    /// <summary>The silo metadata key holding the silo's worker count.</summary>
    public const string WorkersKey = "highlights-workers";

    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos.ToList();
        var workers = candidates.Where(HasWorkers).ToList();
        return workers.Count > 0 ? workers : candidates;
    }

    private bool HasWorkers(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(WorkersKey, out var value)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var workers)
        && workers > 0;
}
