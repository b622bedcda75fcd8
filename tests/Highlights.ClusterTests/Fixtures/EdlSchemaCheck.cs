using Highlights.Grains.Processes;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>Checks an EDL against docs/edl-v1.schema.json with ajv (tools/node_modules, installed by scripts/setup.sh).</summary>
public static class EdlSchemaCheck
{
    public static async Task AssertValidAsync(string edlJson, string folder)
    {
        var path = Path.Combine(folder, $"edl-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, edlJson);
        var command = ProcessCommand.Of(
            "node", Path.Combine(RepoRoot.Path, "scripts", "validate-json.mjs"), Path.Combine(RepoRoot.Path, "docs", "edl-v1.schema.json"), path);
        try
        {
            await ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None);
        }
        catch (ProcessFailedException ex)
        {
            Assert.Fail($"the EDL does not match edl-v1.schema.json:\n{ex.StandardErrorTail}\n{edlJson}");
        }
    }
}
