using System.CommandLine;
using Highlights.Cli.Output;
using System.Text;
using Highlights.Grains.Export;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights export EDL --format otio|fcpxml|cmx3600</c>: hands the chosen clips to an editor, with an SRT beside them.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var edlPath = new Argument<string>("edl") { Description = "edl.json written by process" };
        var format = new Option<ExportFormat>("--format", "-f") { Description = "otio (OpenTimelineIO), fcpxml (Final Cut Pro), cmx3600 (any editor)", Required = true }.LowercaseChoices();
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
                var chosen = parse.GetValue(format);
                var timeline = ExportTimeline.From(await EdlFile.ReadAsync(source, cancellationToken));
                var target = OutputPaths.File(parse.GetValue(output) ?? Path.ChangeExtension(source, EdlExporter.Extension(chosen)));
                var captions = Path.ChangeExtension(target, ".srt");
                var utf8 = new UTF8Encoding(false);
                await AtomicFile.WriteAsync(target, s => s.WriteAsync(utf8.GetBytes(EdlExporter.Write(timeline, chosen)), cancellationToken).AsTask(), cancellationToken);
                await AtomicFile.WriteAsync(captions, s => s.WriteAsync(utf8.GetBytes(CaptionsExport.Write(timeline)), cancellationToken).AsTask(), cancellationToken);
                Console.WriteLine($"{chosen.ToString().ToLowerInvariant()}: {Path.GetFullPath(target)} ({timeline.Clips.Count} clips, {timeline.Rate.Value:0.###} fps{(timeline.Rate.IsDropFrame ? " drop-frame" : string.Empty)})");
                Console.WriteLine($"captions: {Path.GetFullPath(captions)}");
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
