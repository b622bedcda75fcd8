using System.ComponentModel.DataAnnotations;

namespace Highlights.Silo.Studio;

/// <summary>Configuration section <c>Studio</c> (<c>HIGHLIGHTS_STUDIO__SESSIONLIFETIME</c>, ...): the web studio's sign-in session.</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>How long a studio session lasts without a request before it has to sign in again (sliding). Default 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
