using System.Collections.Concurrent;
using System.Diagnostics;

namespace Highlights.Grains.Processes;

/// <summary>
/// Starts child processes so they die with this one, even on SIGKILL: an orphaned ffmpeg would keep encoding
/// after a crash and race the resumed run. Children are wrapped in <c>setpriv --pdeathsig KILL</c>. Linux sends
/// that signal when the <em>thread</em> that forked the child exits, so every fork happens on one dedicated thread
/// that lives as long as the process. They also run in a session of their own (<c>setsid</c>): a Ctrl-C at the terminal
/// is then this process's to handle (a graceful stop, then state cancelled), not a signal that kills ffmpeg under a
/// running stage and turns the cancel into a failure.
/// </summary>
internal static class ChildProcessLauncher
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const string SetSid = "/usr/bin/setsid";

    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = [];
    private static readonly Lazy<bool> CanTieLifetime = new(() => OperatingSystem.IsLinux() && File.Exists(SetPriv) && File.Exists(SetSid));

    static ChildProcessLauncher()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "child-process-launcher" };
        thread.Start();
    }

    /// <summary>Fills <paramref name="startInfo"/> for <paramref name="command"/>, wrapped when the platform allows it.</summary>
    public static void Prepare(ProcessStartInfo startInfo, ProcessCommand command)
    {
        var executable = Resolve(command.FileName) ?? throw new ToolNotFoundException(command.FileName);
        var (fileName, arguments) = CanTieLifetime.Value
            ? (SetPriv, (IEnumerable<string>)["--pdeathsig", "KILL", "--", SetSid, executable, .. command.Arguments])
            : (executable, command.Arguments);
        startInfo.FileName = fileName;
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
    }

    /// <summary>A path is taken as is; a bare name is looked up on PATH, as a shell would.</summary>
    private static string? Resolve(string fileName)
    {
        if (fileName.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? Path.GetFullPath(fileName) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, fileName))
            .FirstOrDefault(File.Exists);
    }

    public static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((process, started));
        return started.Task;
    }

    private static void Run()
    {
        foreach (var (process, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        }
    }
}
