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
