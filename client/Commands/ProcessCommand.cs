using System.CommandLine;
using Highlights.Cli.Output;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights process INPUT --out DIR</c>: the whole pipeline on one local video.</summary>
public static class ProcessCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Video file to find highlights in" };
        var output = new Option<string>("--out", "-o") { Description = "Folder for edl.json, highlights.mp4 and report.json", Required = true };
        var target = CommonOptions.Target();
        var transcript = new TranscriptCommandOptions();
        var toneMap = new Option<bool>("--tone-map") { Description = "Accept HDR (PQ/HLG) input and tone-map it to SDR BT.709" };
        var verbose = CommonOptions.Verbose();
        var llm = new LlmCommandOptions();
        var reel = new ReelCommandOptions();
        var command = new Command("process", "Find the highlights of a video, write its EDL and render the reel")
        {
            input, output, target,
        };
        transcript.AddTo(command);
        command.Options.Add(toneMap);
        command.Options.Add(verbose);
        llm.AddTo(command);
        reel.AddTo(command);
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            parse.GetValue(verbose),
            async (services, ct) =>
            {
                var request = new ProcessRequest(
                    parse.GetValue(input)!,
                    OutputPaths.Folder(parse.GetValue(output)!),
                    llm.Apply(
                        parse,
                        reel.Apply(parse, transcript.Apply(parse, new ProcessingOptions
                        {
                            TargetSeconds = parse.GetValue(target),
                            ToneMapHdr = parse.GetValue(toneMap),
                        })),
                        services));
                Console.Error.WriteLine($"Processing {request.Input}");
                var outcome = await ProcessJob.RunAsync(services, request, ProgressDisplay.ForStandardError(), ct);
                PrintSummary(outcome);
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    public static void PrintSummary(ProcessOutcome outcome)
    {
        var report = outcome.Report;
        foreach (var warning in report.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        Console.WriteLine($"video:  {outcome.VideoId}{(report.Resumed ? " (resumed from checkpoints)" : string.Empty)}");
        Console.WriteLine($"edl:    {outcome.EdlPath} ({report.Outputs.Segments} segment{(report.Outputs.Segments == 1 ? string.Empty : "s")}, {report.Outputs.EdlSeconds:0.0}s of {report.Outputs.TargetSeconds:0.#}s target)");
        Console.WriteLine($"reel:   {outcome.RenderPath} ({report.Outputs.RenderSeconds:0.0}s, {report.Outputs.Picture})");
        if (report.Llm is { } llmReport)
        {
            Console.WriteLine(LlmSummaryLine.Format(llmReport));
        }

        Console.WriteLine($"report: {outcome.ReportPath}");
    }
}
