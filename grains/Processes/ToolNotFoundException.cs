namespace Highlights.Grains.Processes;

public sealed class ToolNotFoundException(string tool, Exception? inner = null)
    : Exception($"cannot start '{tool}': not installed or not on PATH (run scripts/setup.sh, or set its path in configuration)", inner);
