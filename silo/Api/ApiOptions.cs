using System.ComponentModel.DataAnnotations;

namespace Highlights.Silo.Api;

/// <summary>
/// Configuration section <c>Api</c> (<c>HIGHLIGHTS_API__MAXUPLOADBYTES</c>, ...) plus the top-level list
/// <c>AllowedRoots</c> (<c>HIGHLIGHTS_ALLOWEDROOTS__0</c>, <c>__1</c>, ...).
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Api";
    public const string AllowedRootsKey = "AllowedRoots";

    /// <summary>Folders whose files may be submitted by path. Symlinks are resolved before the check. Default: none (uploads only).</summary>
    public IReadOnlyList<string> AllowedRoots { get; set; } = [];

    /// <summary>Largest accepted upload. Default 4 GiB.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 4L << 30;

    /// <summary>Largest accepted JSON body of a submission (413 past it). Default 1 MiB.</summary>
    [Range(1024, 64 << 20)]
    public int MaxJsonBytes { get; set; } = 1 << 20;

    /// <summary>Largest accepted edited EDL (<c>PUT /v1/videos/{id}/edl</c>; 413 past it). Default 16 MiB.</summary>
    [Range(1024, 256 << 20)]
    public int MaxEdlBytes { get; set; } = 16 << 20;

    /// <summary>How long a request body may send nothing before it is answered 408 and dropped. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BodyIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Videos one tenant may have queued or running at once; a submit past it is answered 429. Default 100.</summary>
    [Range(1, 1_000_000)]
    public int MaxWaitingPerTenant { get; set; } = 100;

    /// <summary>Where uploads are kept, named by content hash. Default <c>uploads/</c> under <c>State:Directory</c>.</summary>
    public string? UploadDirectory { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var root in AllowedRoots)
        {
            if (!Path.IsPathFullyQualified(root))
            {
                yield return new ValidationResult($"AllowedRoots: '{root}' is not an absolute path", [nameof(AllowedRoots)]);
            }
            else if (!Directory.Exists(root))
            {
                yield return new ValidationResult($"AllowedRoots: '{root}' is not an existing directory", [nameof(AllowedRoots)]);
            }
        }
    }
}
