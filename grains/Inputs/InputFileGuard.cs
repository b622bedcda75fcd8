using Highlights.Grains.Actor;
using Highlights.Grains.Hashing;

namespace Highlights.Grains.Inputs;

/// <summary>
/// The one check for every file the pipeline opens for a video (source, caption file, sidecar captions): with every
/// symlink resolved, a regular file (found out without blocking) inside one of the allowed roots. Stages re-check at
/// open time rather than trusting a check made at submit. Without roots (the CLI, reading its user's own files) any
/// regular file is admitted and content is not re-hashed.
/// </summary>
public sealed class InputFileGuard
{
    private readonly IReadOnlyList<string>? roots;

    /// <param name="roots">Folders files must lie in; null admits any regular file.</param>
    public InputFileGuard(IEnumerable<string>? roots)
    {
        this.roots = roots?.Select(r => RealPath.Resolve(r) ?? r).ToList();
    }

    public static InputFileGuard Unrestricted { get; } = new(null);

    /// <summary>True when files are confined to roots, so content is verified against the hash taken at submit.</summary>
    public bool VerifiesContent => roots is not null;

    /// <returns>The real path, or null with why in <paramref name="reason"/> ("not found", "is outside the allowed roots", ...).</returns>
    public string? Check(string path, out string reason)
    {
        reason = string.Empty;
        var real = string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal) ? null : RealPath.Resolve(path);
        if (real is null)
        {
            reason = "not found";
        }
        else if (roots is not null && !roots.Any(root => RealPath.IsWithin(real, root)))
        {
            reason = "is outside the allowed roots";
        }
        else if (!RegularFile.Is(real))
        {
            // A folder is the common slip (a path one level too short): name it rather than say "not a regular file".
            reason = Directory.Exists(real) ? "is a directory" : "is not a regular file";
        }

        return reason.Length == 0 ? real : null;
    }

    /// <returns>The real path, to be opened instead of the one given.</returns>
    public string Admit(string path, string what) =>
        Check(path, out var reason) ?? throw new InputRejectedException($"{path}: {what} {reason}");

    /// <summary>Admits and opens the file without blocking; what is read is the file that was checked.</summary>
    public FileStream OpenRead(string path, string what)
    {
        var real = Admit(path, what);
        return RegularFile.OpenRead(real) ?? throw new InputRejectedException($"{path}: {what} is not a readable regular file");
    }

    public Task<string> Sha256Async(string path, string what, CancellationToken cancellationToken) =>
        ContentHash.Sha256Async(Admit(path, what), cancellationToken);

    /// <summary>Fails when the file's content is no longer what was hashed at submit (only when confined to roots).</summary>
    public async Task VerifyAsync(string path, string sha256, string what, CancellationToken cancellationToken)
    {
        if (VerifiesContent && await Sha256Async(path, what, cancellationToken) != sha256)
        {
            throw Changed(path, what);
        }
    }

    public static InputRejectedException Changed(string path, string what) =>
        new($"{path}: {what} changed since the video was submitted (its SHA-256 differs); submit it again");
}
