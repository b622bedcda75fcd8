using Microsoft.Extensions.Options;

namespace Highlights.Silo.Api;

/// <summary>
/// Admits a client-supplied path only if, with every symlink resolved, it is a regular file inside one of the
/// allowed roots (also resolved). Missing and forbidden files get the same answer, so the API reveals nothing
/// about the rest of the file system.
/// </summary>
public sealed class SourcePathGuard(IOptions<ApiOptions> options)
{
    private readonly IReadOnlyList<string> roots = [.. options.Value.AllowedRoots.Select(r => RealPath.Resolve(r) ?? r)];

    /// <returns>The real path of the file, to be used from here on instead of what the client sent.</returns>
    public string Admit(string path, string field)
    {
        if (roots.Count == 0)
        {
            throw new SourceRejectedException($"{field}: this server accepts uploads only (no AllowedRoots are configured)");
        }

        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new SourceRejectedException($"{field}: '{Echo.Of(path)}' is not an absolute path");
        }

        var real = RealPath.Resolve(path);
        if (real is null || !roots.Any(root => RealPath.IsWithin(real, root)) || !File.Exists(real))
        {
            throw new SourceRejectedException($"{field}: '{Echo.Of(path)}' is not a file under an allowed root");
        }

        return real;
    }
}
