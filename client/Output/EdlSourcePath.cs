using System.Text.Json;
using System.Text.Json.Nodes;

namespace Highlights.Cli.Output;

/// <summary>
/// The EDL checkpoint is shared by every file with the same content and options, so the one written out names the
/// file this run was given, as report.json does, not whichever file first produced the checkpoint.
/// </summary>
public static class EdlSourcePath
{
    public static JsonElement Naming(JsonElement edl, string sourcePath)
    {
        var node = JsonNode.Parse(edl.GetRawText())!;
        node["source"]!["path"] = sourcePath;
        return JsonSerializer.SerializeToElement(node);
    }
}
