namespace Highlights.Grains.State;

/// <summary>
/// One activation per video on this machine: an exclusive OS lock on a file in the video's directory,
/// released by the kernel if the process dies, so a crash never leaves a stale lock.
/// </summary>
public sealed class VideoLock : IDisposable
{
    private readonly FileStream handle;

    private VideoLock(FileStream handle) => this.handle = handle;

    public static VideoLock Acquire(string videoDirectory, string videoId)
    {
        Directory.CreateDirectory(videoDirectory);
        try
        {
            return new VideoLock(new FileStream(Path.Combine(videoDirectory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new VideoBusyException(videoId, ex);
        }
    }

    public void Dispose() => handle.Dispose();
}
