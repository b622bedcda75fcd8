using System.Diagnostics;

namespace Highlights.TestSupport;

/// <summary>Runs Debian's promtool (installed by scripts/setup.sh), feeding stdin where the check reads it.</summary>
public static class Promtool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string? standardInput, params string[] arguments)
    {
        var info = new ProcessStartInfo("promtool") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(standardInput ?? string.Empty);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
