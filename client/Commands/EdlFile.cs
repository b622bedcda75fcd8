using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary>
/// Reads an edl.json written by <c>process</c> (perhaps edited since), rejecting anything else, or anything its source
/// cannot render, with one line that names the file.
/// </summary>
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
            return edl is { Version: EdlDocument.CurrentVersion, Segments: not null, Source: not null, Render: not null } && !edl.Segments.Contains(null!)
                ? edl
                : throw new InputRejectedException($"{path}: not a version {EdlDocument.CurrentVersion} Highlights EDL");
        }
        catch (JsonException ex)
        {
            throw new InputRejectedException($"{path}: not valid EDL JSON ({ex.Message})");
        }
    }

    /// <summary>The EDL to render from <paramref name="source"/>, its frames and totals derived from its times (<see cref="EdlValidator"/>).</summary>
    public static EdlDocument CheckAgainst(string path, EdlDocument edl, MediaInfo source)
    {
        if (source.Video is null)
        {
            throw new InputRejectedException($"{edl.Source.Path}: no video stream, so not the source this EDL was made from");
        }

        var fps = source.Video.FrameRate > 0 ? source.Video.FrameRate : EdlBuilder.FallbackFps;
        var result = EdlValidator.Validate(edl, source.DurationSeconds, fps);
        return result.Edl ?? throw new InputRejectedException($"{path}: {result.Problem}");
    }
}
