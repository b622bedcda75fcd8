namespace Highlights.IntegrationTests.Fixtures;

public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Fails the test with the whole exchange (exit code, stdout, stderr) unless the CLI exited 0.</summary>
    public CliResult AssertSucceeded()
    {
        Assert.True(ExitCode == 0, ToString());
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
