using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Probe;

/// <summary>Configuration section <c>Probe</c>.</summary>
public sealed class ProbeOptions
{
    public const string Section = "Probe";

    /// <summary>Longest source accepted; longer ones are rejected before any work. Default 6 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "2.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(6);
}
