using Highlights.Grains.Actor;

namespace Highlights.Cli.Output;

/// <summary>
/// Checks where a command will write before it does any work, so an hour of transcription is never lost to a typo in
/// <c>--out</c>. Every verb behaves alike: missing folders are created, and a file where a folder belongs (or the
/// reverse) is refused with exit code 2.
/// </summary>
public static class OutputPaths
{
    /// <returns>The folder's full path, created if missing.</returns>
    public static string Folder(string path)
    {
        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            throw new InputRejectedException($"--out {path}: is a file; give a folder (it is created if missing)");
        }

        return Create(full, path);
    }

    /// <returns>The file's full path; its folder is created if missing.</returns>
    public static string File(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new InputRejectedException($"--out {path}: is a directory; give a file name");
        }

        var parent = Path.GetDirectoryName(full)!;
        if (System.IO.File.Exists(parent))
        {
            throw new InputRejectedException($"--out {path}: {parent} is a file, not a folder");
        }

        Create(parent, path);
        return full;
    }

    private static string Create(string folder, string given)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputRejectedException($"--out {given}: cannot create {folder} ({ex.Message})");
        }
    }
}
