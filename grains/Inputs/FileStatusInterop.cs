using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Highlights.Grains.Inputs;

/// <summary>
/// lstat/fstat through the runtime's own native shim (its <c>FileStatus</c> layout is the same on every platform .NET
/// runs on, unlike libc's <c>struct stat</c>), and open(2) with O_NONBLOCK so that opening a FIFO never waits for a writer.
/// </summary>
internal static partial class FileStatusInterop
{
    public const int TypeMask = 0xF000;
    public const int RegularFile = 0x8000;

    // O_RDONLY | O_NONBLOCK | O_CLOEXEC, the same on x86-64 and arm64; O_NOFOLLOW differs between them.
    private const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000;

    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>The shim's FileStatus begins with Flags and Mode; the size is generous so later fields always fit.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    public struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LStat(string path, out FileStatus status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    public static partial int FStat(SafeFileHandle handle, out FileStatus status);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    /// <returns>The open handle, or null when the file cannot be opened or its last component is a symlink.</returns>
    public static SafeFileHandle? OpenNonBlocking(string path)
    {
        var fd = Open(path, ReadOnlyNonBlockingCloseOnExec | NoFollow);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }
}
