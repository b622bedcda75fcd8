using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Highlights.Silo.Cluster;

/// <summary>
/// Configuration section <c>Cluster</c> (<c>HIGHLIGHTS_CLUSTER__SILOPORT</c>, ...): how a silo joins the Orleans cluster
/// kept in the database. Workers, tries and the resume reminder are <see cref="Grains.Actor.VideoRunOptions"/>, in the same section.
/// </summary>
public sealed class SiloClusterOptions : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>Names the deployment in Orleans' tables: silos with the same database and cluster id form one cluster. Default <c>highlights</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,100}$", ErrorMessage = "Cluster:ClusterId must be letters, digits, '-' or '_'")]
    public string ClusterId { get; set; } = "highlights";

    /// <summary>Port silos talk to each other on (<c>--silo-port</c>). Default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The address other silos reach this one at. Default: loopback, right for silos on one machine; set the host's
    /// address when silos run on several.
    /// </summary>
    public string AdvertisedAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>
    /// How long a silo waits for a probe's answer. A silo that misses <see cref="MissedProbesLimit"/> probes in a row is
    /// voted dead; its videos' reminders then fire on the others. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes a silo may miss before a live one votes it dead. Default 3.</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// The stage list this silo runs (<c>--pipeline</c>): <c>full</c> (the product) or <c>noop</c>, one stage that does
    /// nothing, to measure the cluster's own overhead in bench/cluster-throughput.sh. Default <c>full</c>.
    /// </summary>
    [RegularExpression("^(full|noop)$", ErrorMessage = "Cluster:Pipeline must be 'full' or 'noop'")]
    public string Pipeline { get; set; } = "full";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"Cluster:AdvertisedAddress '{AdvertisedAddress}' is not an IP address", [nameof(AdvertisedAddress)]);
        }
    }
}
