using System.Runtime.InteropServices;

namespace Highlights.Grains.Processes;

/// <summary>
/// .NET's Process.Kill only sends SIGKILL; a graceful stop (ffmpeg finishing its file, say) needs SIGTERM first.
/// </summary>
internal static partial class PosixSignal
{
    private const int SigTerm = 15;

    public static bool TryTerminate(int processId) =>
        OperatingSystem.IsWindows() ? false : Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
