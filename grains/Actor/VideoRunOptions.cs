using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Actor;

/// <summary>Configuration section <c>Cluster</c> (<c>HIGHLIGHTS_CLUSTER__WORKERS</c>, ...): how many videos a silo runs, and how failed or orphaned runs come back.</summary>
public sealed class VideoRunOptions : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>
    /// Videos this silo runs at once (<c>--workers</c>); more wait in their grains and start as slots free up. 0 makes
    /// an API-only silo: videos are placed on the others. Default 2.
    /// </summary>
    [Range(0, 256)]
    public int Workers { get; set; } = 2;

    /// <summary>Runs a video gets (failures and vanished silos alike) before it ends <c>failed</c> for good. Default 3.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry of a failed run; doubled for each further one. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between retries. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Period of the reminder every unfinished video holds: after its silo dies, the video resumes on a live silo at
    /// the first tick after the cluster declared the silo dead. Default 20 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromSeconds(20);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryBackoffMax < RetryBackoff)
        {
            yield return new ValidationResult("Cluster:RetryBackoffMax must not be shorter than Cluster:RetryBackoff", [nameof(RetryBackoffMax)]);
        }
    }
}
