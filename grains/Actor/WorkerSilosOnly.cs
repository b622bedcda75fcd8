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

    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos) =>
        Keep(silos.ToList(), WorkersOf);

    /// <summary>Whether a silo of <paramref name="silos"/> may run pipelines, by the rule of <see cref="Keep"/>.</summary>
    public bool AnyWorker(IEnumerable<SiloAddress> silos) => silos.Any(silo => !PublishedNoWorkers(WorkersOf(silo)));

    private string? WorkersOf(SiloAddress silo) => metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(WorkersKey);

    /// <summary>
    /// The silos that may run pipelines: all but those that published no workers. A silo whose metadata this one does
    /// not hold counts as a worker, because Orleans fetches a joining silo's metadata once and, if that fetch fails,
    /// not again until membership changes; excluding it would keep videos on API-only silos while a worker stands by.
    /// </summary>
    /// <param name="workersOf">The silo's published <see cref="WorkersKey"/> value, or null if unknown here.</param>
    public static IReadOnlyList<SiloAddress> Keep(IReadOnlyList<SiloAddress> candidates, Func<SiloAddress, string?> workersOf)
    {
        var workers = candidates.Where(silo => !PublishedNoWorkers(workersOf(silo))).ToList();
        return workers.Count > 0 ? workers : candidates;
    }

    private static bool PublishedNoWorkers(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) && workers == 0;
}
