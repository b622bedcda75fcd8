using Highlights.Grains.Inputs;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Api;

/// <summary>
/// Admits a client-supplied path only if <see cref="InputFileGuard"/> does: with every symlink resolved, a regular
/// file (checked without blocking) inside one of the allowed roots (also resolved). Missing and forbidden files get
/// the same answer, so the API reveals nothing about the rest of the file system.
/// </summary>
public sealed class SourcePathGuard(IOptions<ApiOptions> options)
{
    private readonly InputFileGuard guard = new(options.Value.AllowedRoots);

    /// <returns>The real path of the file, to be used from here on instead of what the client sent.</returns>
    public string Admit(string path, string field)
    {
        if (options.Value.AllowedRoots.Count == 0)
        {
            throw new SourceRejectedException($"{field}: this server accepts uploads only (no AllowedRoots are configured)");
        }

        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new SourceRejectedException($"{field}: '{Echo.Of(path)}' is not an absolute path");
        }

        return guard.Check(path, out _) ?? throw new SourceRejectedException($"{field}: '{Echo.Of(path)}' is not a file under an allowed root");
    }
}
