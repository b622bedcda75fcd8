using System.CommandLine;
using System.Text;
using Highlights.Cli.Output;
using Highlights.Cli.Transcription;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights transcribe INPUT</c>: a timestamped transcript of any audio or video file, with Whisper.</summary>
public static class TranscribeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "Audio or video file to transcribe" };
        var model = WhisperCliOptions.Model();
        var language = WhisperCliOptions.Language();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => TranscriptFormats.Json };
        format.AcceptOnlyFromAmong([.. TranscriptFormats.All]);
        var output = new Option<string?>("--out", "-o") { Description = "Write the transcript to this file instead of standard output" };
        var verbose = CommonOptions.Verbose();
        var command = new Command("transcribe", "Transcribe the speech of an audio or video file with Whisper (json, srt or vtt)")
        {
            input, model, language, format, output, verbose,
        };
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            parse.GetValue(verbose),
            async (services, ct) =>
            {
                var outPath = parse.GetValue(output) is { } given ? OutputPaths.File(given) : null;
                var request = new TranscribeRequest(parse.GetValue(input)!, WhisperCliOptions.ResolveModel(parse.GetValue(model)), parse.GetValue(language));
                Console.Error.WriteLine($"Transcribing {request.Input}");
                var document = await TranscribeJob.RunAsync(services, request, ProgressDisplay.ForStandardError(), ct);
                var text = TranscriptFormats.Render(document, parse.GetValue(format)!);
                if (outPath is not null)
                {
                    await AtomicFile.WriteAsync(outPath, stream => stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), ct).AsTask(), ct);
                    Console.Error.WriteLine($"transcript: {outPath} ({document.Segments.Count} segments)");
                }
                else
                {
                    Console.Out.Write(text);
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
