using Highlights.Grains.Inputs;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Api;

/// <summary>
/// How the API shows a server path to a client: relative to the allowed root it lies in, an upload as
/// <c>upload:SHA256</c>, a work file relative to the state folder; never the server's own folders. Messages written by
/// the pipeline get the same treatment, so a failure's text does not reveal them either.
/// </summary>
public sealed class ClientPaths
{
    public const string UploadPrefix = "upload:";

    private const string UploadSuffix = ".video";

    /// <summary>Longest first, so the uploads folder wins over the state folder that holds it.</summary>
    private readonly IReadOnlyList<(string Folder, string Shown)> folders;

    public ClientPaths(IEnumerable<string> allowedRoots, string uploadDirectory, string stateDirectory)
    {
        folders =
        [
            .. allowedRoots.SelectMany(r => new[] { r, RealPath.Resolve(r) ?? r }).Select(r => (Trim(r), string.Empty))
                .Append((Trim(uploadDirectory), UploadPrefix))
                .Append((Trim(stateDirectory), string.Empty))
                .Where(f => f.Item1.Length > 1)
                .Distinct()
                .OrderByDescending(f => f.Item1.Length),
        ];
    }

    public ClientPaths(IOptions<ApiOptions> api, UploadReceiver uploads, IOptions<Grains.State.StateOptions> state)
        : this(api.Value.AllowedRoots, uploads.Directory, Path.GetFullPath(state.Value.Directory))
    {
    }

    public string? Show(string? path)
    {
        if (path is null)
        {
            return null;
        }

        foreach (var (folder, shown) in folders)
        {
            if (path.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                var rest = path[(folder.Length + 1)..];
                return shown == UploadPrefix && rest.EndsWith(UploadSuffix, StringComparison.Ordinal) ? shown + rest[..^UploadSuffix.Length] : shown + rest;
            }
        }

        return Path.GetFileName(path);
    }

    /// <summary>The message with every server folder above a path taken out, as <see cref="Show"/> would.</summary>
    public string Redact(string message)
    {
        foreach (var (folder, shown) in folders)
        {
            message = message.Replace(folder + "/", shown, StringComparison.Ordinal);
        }

        return message;
    }

    private static string Trim(string folder) => folder.Length > 1 ? folder.TrimEnd('/') : folder;
}
