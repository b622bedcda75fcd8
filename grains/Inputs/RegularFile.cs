namespace Highlights.Grains.Inputs;

/// <summary>
/// Regular files only, found out without blocking: a FIFO, device or socket given as an input would hang the
/// thread that opens it (a FIFO until a writer comes) or never end.
/// </summary>
public static class RegularFile
{
    /// <summary>lstat(2): true only for a regular file itself, not a link to one.</summary>
    public static bool Is(string path) =>
        FileStatusInterop.LStat(path, out var status) == 0 && (status.Mode & FileStatusInterop.TypeMask) == FileStatusInterop.RegularFile;

    /// <summary>Opens without waiting (O_NONBLOCK), then checks the open file itself (fstat), so nothing swapped in between is read.</summary>
    /// <returns>A stream over the file, or null when it is missing, unreadable or not a regular file.</returns>
    public static FileStream? OpenRead(string path)
    {
        var handle = FileStatusInterop.OpenNonBlocking(path);
        if (handle is null)
        {
            return null;
        }

        if (FileStatusInterop.FStat(handle, out var status) != 0 || (status.Mode & FileStatusInterop.TypeMask) != FileStatusInterop.RegularFile)
        {
            handle.Dispose();
            return null;
        }

        return new FileStream(handle, FileAccess.Read, bufferSize: 1 << 20);
    }
}
