using System.CommandLine;
using Highlights.Cli.Output;
using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Render;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

/// <summary>
/// <c>highlights render EDL --out FILE</c>: renders an EDL again, as written or after editing it by hand (drop a
/// segment, change a crossfade or a crop keyframe), with no other stage run.
/// </summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var edlPath = new Argument<string>("edl") { Description = "edl.json written by process" };
        var output = new Option<string>("--out", "-o") { Description = "MP4 file to write", Required = true };
        var chunks = new Option<int?>("--chunks")
        {
            Description = "Render in this many chunks in parallel (default: by Render:ParallelAbove and the cores; 1 renders in one pass)",
        }.Reject(count => count is < 1 or > 256, "--chunks must be 1 to 256");
        var verbose = CommonOptions.Verbose();
        var command = new Command("render", "Render an EDL (as written by process, or edited) to an MP4") { edlPath, output, chunks, verbose };
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            parse.GetValue(verbose),
            async (services, ct) =>
            {
                var path = parse.GetValue(edlPath)!;
                var written = await EdlFile.ReadAsync(path, ct);
                var media = services.GetRequiredService<IMediaTool>();
                var source = await media.ProbeAsync(written.Source.Path, ct);
                var edl = EdlFile.CheckAgainst(path, written, source);

                var target = OutputPaths.File(parse.GetValue(output)!);
                var work = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(target)!, $".render-{Guid.NewGuid():N}"));
                var display = ProgressDisplay.ForStandardError();
                try
                {
                    var report = await services.GetRequiredService<ReelRenderer>().RenderAsync(
                        new ReelRenderRequest(edl, source, work.FullName, target, f => display.Report(new PipelineEvent.Progressed(StageNames.Render, f, null)), Chunks: parse.GetValue(chunks)),
                        ct);
                    var reel = await media.ProbeAsync(target, ct);
                    Console.WriteLine($"reel:   {target} ({reel.DurationSeconds:0.0}s, {edl.Segments.Count} segment{Plural(edl.Segments.Count)}, {report.Chunks} chunk{Plural(report.Chunks)})");
                }
                finally
                {
                    work.Delete(recursive: true);
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
