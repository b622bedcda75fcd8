using System.ComponentModel.DataAnnotations;

namespace Highlights.Silo.Cluster;

/// <summary>Configuration section <c>Cluster</c> (environment <c>HIGHLIGHTS_CLUSTER__WORKERS</c>, ...): how a silo takes and keeps work.</summary>
public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>Videos this silo runs at once (<c>--workers</c>); 0 makes an API-only silo. Default 2.</summary>
    [Range(0, 256)]
    public int Workers { get; set; } = 2;

    /// <summary>How long a claim holds a video without renewal; a silo that dies releases its videos after this. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the silo renews its leases, writes progress and notices cancels. Must be under a third of the lease. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:20:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle worker waits before looking for queued videos again. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs a video gets (failures and crashed owners alike) before it ends <c>failed</c> for good. Default 3.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry of a failed run; doubled for each further one. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between retries. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The stage list this silo runs (<c>--pipeline</c>): <c>full</c> (the product) or <c>noop</c>, one stage that does
    /// nothing, to measure the cluster's own overhead in bench/cluster-throughput.sh. Default <c>full</c>.
    /// </summary>
    [RegularExpression("^(full|noop)$", ErrorMessage = "Cluster:Pipeline must be 'full' or 'noop'")]
    public string Pipeline { get; set; } = "full";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HeartbeatInterval * 3 > LeaseDuration)
        {
            yield return new ValidationResult(
                $"Cluster:HeartbeatInterval ({HeartbeatInterval}) must be at most a third of Cluster:LeaseDuration ({LeaseDuration}), or leases lapse between renewals",
                [nameof(HeartbeatInterval)]);
        }

        if (RetryBackoffMax < RetryBackoff)
        {
            yield return new ValidationResult("Cluster:RetryBackoffMax must not be shorter than Cluster:RetryBackoff", [nameof(RetryBackoffMax)]);
        }
    }
}
