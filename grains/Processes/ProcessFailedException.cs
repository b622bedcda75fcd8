namespace Highlights.Grains.Processes;

/// <summary>A child process exited non-zero. Carries the command line and the tail of its stderr.</summary>
public sealed class ProcessFailedException(ProcessCommand command, int exitCode, string standardErrorTail)
    : Exception($"{Path.GetFileName(command.FileName)} exited with code {exitCode}: {LastLine(standardErrorTail)}")
{
    public ProcessCommand Command { get; } = command;

    public int ExitCode { get; } = exitCode;

    public string StandardErrorTail { get; } = standardErrorTail;

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output on stderr)" : lines[^1];
    }
}
