using System.CommandLine;
using System.Globalization;
using Highlights.Cli.Output;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights analyze INPUT --out DIR</c>: audio excitement and visual reaction series, written to DIR/signals.json.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Video file to analyse" };
        var output = new Option<string>("--out", "-o") { Description = "Folder for signals.json", Required = true };
        var transcript = new TranscriptCommandOptions();
        var target = CommonOptions.Target();
        target.Description = "Target reel length of a later `process` run that should reuse this analysis (part of the video's identity)";
        var toneMap = new Option<bool>("--tone-map") { Description = "Accept HDR (PQ/HLG) input, as `process --tone-map` would" };
        var verbose = CommonOptions.Verbose();
        var command = new Command("analyze", "Measure audio excitement and visual reactions over time and write signals.json")
        {
            input, output,
        };
        transcript.AddTo(command);
        command.Options.Add(target);
        command.Options.Add(toneMap);
        command.Options.Add(verbose);
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            parse.GetValue(verbose),
            async (services, ct) =>
            {
                var request = new ProcessRequest(
                    parse.GetValue(input)!,
                    OutputPaths.Folder(parse.GetValue(output)!),
                    transcript.Apply(parse, new ProcessingOptions { TargetSeconds = parse.GetValue(target), ToneMapHdr = parse.GetValue(toneMap) }));
                Console.Error.WriteLine($"Analysing {request.Input}");
                var outcome = await AnalyzeJob.RunAsync(services, request, ProgressDisplay.ForStandardError(), ct);
                PrintSummary(outcome);
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    private static void PrintSummary(AnalyzeOutcome outcome)
    {
        var signals = outcome.Result.Signals;
        var counts = signals.Events.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var resumed = outcome.Runs.Any(r => r.FromCheckpoint) ? " (resumed from checkpoints)" : string.Empty;
        Console.WriteLine($"video:   {outcome.VideoId}{resumed}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signals: {outcome.SignalsPath} ({signals.Steps} steps of {signals.Step:0.###}s, {signals.Inputs.Frames} frames)"));
        Console.WriteLine($"events:  {(signals.Events.Count == 0 ? "none" : string.Join(", ", counts))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing:  audio {outcome.Result.Timing.AudioSeconds:0.00}s, visual {outcome.Result.Timing.VisualSeconds:0.00}s"));
    }
}
