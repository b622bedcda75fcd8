namespace Highlights.Grains.Processes;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardErrorTail);
