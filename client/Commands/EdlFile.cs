using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary>Reads an edl.json written by <c>process</c>, rejecting anything else with a message that names the file.</summary>
public static class EdlFile
{
    public static async Task<EdlDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new InputRejectedException($"{path}: EDL file not found");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var edl = await JsonSerializer.DeserializeAsync<EdlDocument>(stream, StateJson.Options, cancellationToken);
            return edl is { Version: EdlDocument.CurrentVersion, Segments: not null, Source: not null, Render: not null }
                ? edl
                : throw new InputRejectedException($"{path}: not a version {EdlDocument.CurrentVersion} Highlights EDL");
        }
        catch (JsonException ex)
        {
            throw new InputRejectedException($"{path}: not valid EDL JSON ({ex.Message})");
        }
    }
}
