using System.CommandLine;
using Highlights.Cli.Output;
using System.Text;
using Highlights.Grains.Export;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary>
/// <c>highlights export EDL --format otio|fcpxml|cmx3600|srt</c>: hands the chosen clips to an editor, with an SRT
/// beside them; <c>srt</c> writes the captions alone, as the API's <c>export?format=srt</c> answers them.
/// </summary>
public static class ExportCommand
{
    private const string CaptionsOnly = "srt";

    public static Command Create()
    {
        var edlPath = new Argument<string>("edl") { Description = "edl.json written by process" };
        string[] names = [.. Enum.GetNames<ExportFormat>().Select(n => n.ToLowerInvariant()), CaptionsOnly];
        var format = new Option<string>("--format", "-f")
        {
            Description = "otio (OpenTimelineIO), fcpxml (Final Cut Pro), cmx3600 (any editor), srt (the reel's captions alone)",
            Required = true,
            HelpName = string.Join('|', names),
            CustomParser = r => r.Tokens.Single().Value.ToLowerInvariant(),
        };
        format.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && !names.Contains(value))
            {
                r.AddError($"--format expects one of {string.Join(", ", names)}, got '{value}'");
            }
        });
        var output = new Option<string?>("--out", "-o") { Description = "File to write (default: beside the EDL, named for the format); captions go beside it as .srt" };
        var command = new Command("export", "Export an EDL for an editor (OpenTimelineIO, FCPXML, CMX 3600) with its captions as SRT")
        {
            edlPath, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var source = parse.GetValue(edlPath)!;
                var name = parse.GetValue(format)!;
                var timeline = ExportTimeline.From(await EdlFile.ReadAsync(source, cancellationToken));
                var utf8 = new UTF8Encoding(false);
                if (name == CaptionsOnly)
                {
                    var srt = OutputPaths.File(parse.GetValue(output) ?? Path.ChangeExtension(source, ".srt"));
                    await AtomicFile.WriteAsync(srt, s => s.WriteAsync(utf8.GetBytes(CaptionsExport.Write(timeline)), cancellationToken).AsTask(), cancellationToken);
                    Console.WriteLine($"captions: {srt}");
                    return ExitCodes.Ok;
                }

                var chosen = Enum.Parse<ExportFormat>(name, ignoreCase: true);
                var target = OutputPaths.File(parse.GetValue(output) ?? Path.ChangeExtension(source, EdlExporter.Extension(chosen)));
                var captions = Path.ChangeExtension(target, ".srt");
                await AtomicFile.WriteAsync(target, s => s.WriteAsync(utf8.GetBytes(EdlExporter.Write(timeline, chosen)), cancellationToken).AsTask(), cancellationToken);
                await AtomicFile.WriteAsync(captions, s => s.WriteAsync(utf8.GetBytes(CaptionsExport.Write(timeline)), cancellationToken).AsTask(), cancellationToken);
                Console.WriteLine($"{name}: {target} ({timeline.Clips.Count} clips, {timeline.Rate.Value:0.###} fps{(timeline.Rate.IsDropFrame ? " drop-frame" : string.Empty)})");
                Console.WriteLine($"captions: {captions}");
                return ExitCodes.Ok;
            }
            catch (Exception ex)
            {
                return CommandFailure.Report(ex, Console.Error);
            }
        });
        return command;
    }
}
