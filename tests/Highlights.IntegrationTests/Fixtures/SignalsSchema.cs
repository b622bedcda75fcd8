using Highlights.Grains.Processes;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>Validates signals.json files against docs/signals-v1.schema.json with ajv (installed by scripts/setup.sh).</summary>
public static class SignalsSchema
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "docs", "signals-v1.schema.json");

    public static async Task AssertValidAsync(string jsonPath)
    {
        var command = ProcessCommand.Of("node", System.IO.Path.Combine(RepoPaths.Root, "scripts", "validate-json.mjs"), Path, jsonPath);
        try
        {
            await ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None);
        }
        catch (ProcessFailedException ex)
        {
            Assert.Fail($"{jsonPath} does not match the signals schema:\n{ex.StandardErrorTail}");
        }
    }
}
