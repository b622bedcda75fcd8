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
        var captions = new Option<string?>("--captions") { Description = "Caption file (.srt or .vtt) to use as the transcript" };
        var toneMap = new Option<bool>("--tone-map") { Description = "Accept HDR (PQ/HLG) input and tone-map it to SDR BT.709" };
        var model = WhisperCliOptions.Model();
        var forceWhisper = new Option<bool>("--force-whisper") { Description = "Transcribe the audio with Whisper even when captions exist" };
        var allowNoTranscript = new Option<bool>("--allow-no-transcript") { Description = "Go on without a transcript when Whisper cannot run (no model installed)" };
        var verbose = CommonOptions.Verbose();
        var llm = new LlmCommandOptions();
        var reel = new ReelCommandOptions();
        var command = new Command("process", "Find the highlights of a video, write its EDL and render the reel")
        {
            input, output, target, captions, toneMap, model, forceWhisper, allowNoTranscript, verbose,
        };
        llm.AddTo(command);
        reel.AddTo(command);
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            parse.GetValue(verbose),
            async (services, ct) =>
            {
                var request = new ProcessRequest(
                    parse.GetValue(input)!,
                    parse.GetValue(output)!,
                    llm.Apply(
                        parse,
                        reel.Apply(parse, new ProcessingOptions
                        {
                            TargetSeconds = parse.GetValue(target),
                            CaptionsPath = parse.GetValue(captions),
                            ToneMapHdr = parse.GetValue(toneMap),
                            WhisperModel = WhisperCliOptions.ResolveModel(parse.GetValue(model)),
                            ForceWhisper = parse.GetValue(forceWhisper),
                            AllowNoTranscript = parse.GetValue(allowNoTranscript),
                        }),
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
        Console.WriteLine($"edl:    {outcome.EdlPath} ({report.Outputs.Segments} segments, {report.Outputs.EdlSeconds:0.0}s of {report.Outputs.TargetSeconds:0.#}s target)");
        Console.WriteLine($"reel:   {outcome.RenderPath} ({report.Outputs.RenderSeconds:0.0}s)");
        if (report.Llm is { } llmReport)
        {
            Console.WriteLine(LlmSummaryLine.Format(llmReport));
        }

        Console.WriteLine($"report: {outcome.ReportPath}");
    }
}
