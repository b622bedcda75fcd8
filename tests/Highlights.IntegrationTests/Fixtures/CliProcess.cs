using System.Diagnostics;
using System.Text;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>
/// Runs the real <c>highlights</c> CLI as a child process with its own state directory, exactly as a user would,
/// so exit codes, stderr and crash/resume behaviour are tested for real.
/// </summary>
public sealed class CliProcess(string stateDirectory, IReadOnlyDictionary<string, string>? environment = null)
{
    public string StateDirectory { get; } = stateDirectory;

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI and hands back the process, for tests that kill it part-way.</summary>
    public Process Start(params string[] arguments) => Start(ownSession: false, arguments);

    /// <param name="ownSession">
    /// Runs the CLI as a terminal runs a foreground job: leader of its own process group (<c>setsid</c>, which execs
    /// without forking here, so the CLI's pid is the group's id), so a signal to the group reaches every process a
    /// Ctrl-C would reach; and with SIGINT at its default, as a shell gives it, since a test host started in the
    /// background (nohup, a CI runner) passes SIGINT down ignored.
    /// </param>
    public Process Start(bool ownSession, params string[] arguments)
    {
        var info = new ProcessStartInfo(ownSession ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (ownSession)
        {
            foreach (var launcher in new[] { "--default-signal=INT", "setsid", "dotnet" })
            {
                info.ArgumentList.Add(launcher);
            }
        }

        info.ArgumentList.Add(RepoPaths.CliAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HIGHLIGHTS_STATE__DIRECTORY"] = StateDirectory;
        info.Environment["HIGHLIGHTS_PROMPTS__DIRECTORY"] = RepoPaths.Prompts;

        // Every video without captions is transcribed, so the tests run Whisper on its weightless test model; a short
        // encoder context changes nothing for a model that hears nothing, and saves seconds per run on two cores.
        info.Environment["HIGHLIGHTS_WHISPER__MODEL"] = RepoPaths.WhisperTestModel;
        info.Environment["HIGHLIGHTS_WHISPER__AUDIOCONTEXT"] = "128";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
        process.StandardInput.Close();
        return process;
    }
}
