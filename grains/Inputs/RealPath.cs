namespace Highlights.Grains.Inputs;

/// <summary>
/// realpath(3) semantics for existing paths: every symbolic link on the way, in directories as well as the last
/// component, is replaced by its target, so the result says where the bytes really are.
/// </summary>
public static class RealPath
{
    /// <summary>Linux's limit on links followed in one lookup; more means a loop.</summary>
    private const int MaxLinks = 40;

    /// <returns>The resolved absolute path, or null if some component does not exist or the links loop.</returns>
    public static string? Resolve(string path)
    {
        var pending = new Stack<string>(Components(Path.GetFullPath(path)).Reverse());
        var resolved = "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Combine(resolved, component);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists)
            {
                return null;
            }

            if (info.LinkTarget is not { } target)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The target's own components are resolved in turn: relative ones from the link's directory.
            if (Path.IsPathRooted(target))
            {
                resolved = "/";
            }

            foreach (var part in Components(target).Reverse())
            {
                pending.Push(part);
            }
        }

        return resolved;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies inside it (both already resolved).</summary>
    public static bool IsWithin(string path, string root)
    {
        var trimmed = root.Length > 1 ? root.TrimEnd('/') : root;
        return path == trimmed || path.StartsWith(trimmed == "/" ? "/" : trimmed + "/", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".");
}
