using Highlights.Grains.Processes;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>Validates JSON files against docs/edl-v1.schema.json with ajv (installed by scripts/setup.sh).</summary>
public static class EdlSchema
{
    public static async Task AssertValidAsync(string jsonPath)
    {
        var command = ProcessCommand.Of("node", Path.Combine(RepoPaths.Root, "scripts", "validate-json.mjs"), RepoPaths.EdlSchema, jsonPath);
        try
        {
            await ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None);
        }
        catch (ProcessFailedException ex)
        {
            Assert.Fail($"{jsonPath} does not match the EDL schema:\n{ex.StandardErrorTail}");
        }
    }
}
