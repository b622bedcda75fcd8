namespace Highlights.Grains.State;

/// <summary>Writes a file so readers see the old content or the complete new content, never a partial file.</summary>
public static class AtomicFile
{
    public static Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken) =>
        ProduceAsync(path, async temp =>
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await write(stream);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>
    /// Lets a writer that needs a path (ffmpeg, say) produce <paramref name="path"/>: it writes a temp file beside it,
    /// which is renamed into place only if the writer succeeds and deleted otherwise.
    /// </summary>
    public static async Task ProduceAsync(string path, Func<string, Task> writeTo)
    {
        var temp = TempPathBeside(path);
        try
        {
            await writeTo(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> through a temp file and a rename.</summary>
    public static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(source);
        await WriteAsync(destination, output => input.CopyToAsync(output, cancellationToken), cancellationToken);
    }

    /// <summary>A hidden name in the same directory, so the final rename never crosses file systems.</summary>
    public static string TempPathBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");

    /// <summary>
    /// Deletes temp files a killed writer left in <paramref name="directory"/>. Only safe while holding the
    /// directory's owner lock: a live writer's temp file would be deleted too.
    /// </summary>
    public static int RemoveAbandoned(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var abandoned = Directory.GetFiles(directory, "." + "*" + TempSuffix);
        foreach (var file in abandoned)
        {
            File.Delete(file);
        }

        return abandoned.Length;
    }

    private const string TempSuffix = ".tmp";
}
