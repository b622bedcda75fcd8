using System.CommandLine;
using Highlights.Cli.Demo;
using Highlights.Cli.Output;
using Highlights.Grains.Media;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights demo</c>: generates a sample talk with captions, then runs <c>process</c> on it.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for the sample and the results", DefaultValueFactory = _ => "demo-out" };
        var target = CommonOptions.Target();
        target.DefaultValueFactory = _ => 20;
        var verbose = CommonOptions.Verbose();
        var command = new Command("demo", "Generate a sample talk (speech, captions, crowd noise), find its highlights and render them")
        {
            output, target, verbose,
        };
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            parse.GetValue(verbose),
            async (services, ct) =>
            {
                var folder = OutputPaths.Folder(parse.GetValue(output)!);
                var samplePath = Path.Combine(folder, "sample", "talk.mp4");
                if (!File.Exists(samplePath))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(samplePath)!);
                    Console.Error.WriteLine($"Generating a sample talk at {samplePath} (espeak-ng speech, SRT captions)...");
                    var generator = new SampleVideoGenerator(services.GetRequiredService<IMediaTool>());
                    await generator.GenerateAsync(new SampleVideoSpec(1280, 720, 30, DemoScript.Load()), samplePath, ct);
                }

                var request = new ProcessRequest(samplePath, Path.Combine(folder, "result"), new ProcessingOptions { TargetSeconds = parse.GetValue(target) });
                Console.Error.WriteLine($"Processing {samplePath}");
                var outcome = await ProcessJob.RunAsync(services, request, ProgressDisplay.ForStandardError(), ct);
                ProcessCommand.PrintSummary(outcome);
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
