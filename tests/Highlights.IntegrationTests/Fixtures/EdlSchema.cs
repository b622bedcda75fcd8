using Highlights.Grains.Processes;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>Validates JSON files against the schemas in docs/ with ajv (installed by scripts/setup.sh).</summary>
public static class EdlSchema
{
    public static Task AssertValidAsync(string jsonPath) => AssertValidAsync(jsonPath, RepoPaths.EdlSchema);

    public static async Task AssertValidAsync(string jsonPath, string schemaPath)
    {
        var command = ProcessCommand.Of("node", Path.Combine(RepoPaths.Root, "scripts", "validate-json.mjs"), schemaPath, jsonPath);
        try
        {
            await ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None);
        }
        catch (ProcessFailedException ex)
        {
            Assert.Fail($"{jsonPath} does not match {Path.GetFileName(schemaPath)}:\n{ex.StandardErrorTail}");
        }
    }
}
