using System.CommandLine;
using System.Globalization;
using Highlights.Cli.Models;
using Highlights.Cli.Output;
using Highlights.Grains.Actor;
using Highlights.Grains.Transcription;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights models list|download</c>: the Whisper models, installed into <c>Whisper:ModelsDirectory</c> and checked against their published SHA-256.</summary>
public static class ModelsCommand
{
    private const string DownloadStage = "download";

    public static Command Create() => new("models", "List and download Whisper models")
    {
        List(),
        Download(),
    };

    private static Command List()
    {
        var command = new Command("list", "List the Whisper models that can be downloaded, and which are installed");
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            verbose: false,
            (services, _) =>
            {
                var options = services.GetRequiredService<IOptions<WhisperOptions>>().Value;
                Console.WriteLine($"models directory: {Path.GetFullPath(options.ModelsDirectory)} (Whisper:ModelsDirectory)");
                Console.WriteLine($"configured model: {options.Model} (Whisper:Model)");
                Console.WriteLine();
                Console.WriteLine($"{"name",-16}{"size",10}  {"installed",-10}about");
                foreach (var model in WhisperModelCatalog.All)
                {
                    var installed = File.Exists(WhisperModelLocator.PathFor(model.Name, options.ModelsDirectory)) ? "yes" : "-";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Name,-16}{Mebibytes(model.Bytes),10}  {installed,-10}{model.About}"));
                }

                return Task.FromResult(ExitCodes.Ok);
            },
            cancellationToken));
        return command;
    }

    private static Command Download()
    {
        var name = new Argument<string>("name") { Description = "Model to download (see 'highlights models list')" };
        name.AcceptOnlyFromAmong([.. WhisperModelCatalog.All.Select(m => m.Name)]);
        var force = new Option<bool>("--force") { Description = "Download again even if the model is installed" };
        var command = new Command("download", "Download a Whisper model and check it against its published SHA-256") { name, force };
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            verbose: false,
            async (services, ct) =>
            {
                var options = services.GetRequiredService<IOptions<WhisperOptions>>().Value;
                var model = WhisperModelCatalog.Find(parse.GetValue(name)!)!;
                var target = WhisperModelLocator.PathFor(model.Name, options.ModelsDirectory);
                if (File.Exists(target) && !parse.GetValue(force))
                {
                    Console.WriteLine($"{model.Name}: already installed at {target} (--force downloads it again)");
                    return ExitCodes.Ok;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var url = new Uri($"{options.DownloadBaseUrl.TrimEnd('/')}/{model.FileName}");
                Console.Error.WriteLine($"Downloading {url} ({Mebibytes(model.Bytes)})");
                var display = ProgressDisplay.ForStandardError();
                display.Report(new PipelineEvent.Started(DownloadStage));
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };
                try
                {
                    await new ModelDownloader(http).DownloadAsync(
                        url,
                        target,
                        model.Bytes,
                        model.Sha256,
                        bytes => display.Report(new PipelineEvent.Progressed(DownloadStage, bytes / (double)model.Bytes, $"{Mebibytes(bytes)} of {Mebibytes(model.Bytes)}")),
                        ct);
                }
                catch (Exception)
                {
                    display.Report(new PipelineEvent.Failed(DownloadStage, "see below"));
                    throw;
                }

                display.Report(new PipelineEvent.Completed(DownloadStage, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                Console.WriteLine($"{model.Name}: installed at {target} (SHA-256 verified)");
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    private static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MiB");
}
