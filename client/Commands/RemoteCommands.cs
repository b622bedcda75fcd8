using System.CommandLine;
using Highlights.Cli.Output;
using System.Globalization;
using System.Text.Json;
using Highlights.Client.Contracts;

namespace Highlights.Cli.Commands;

/// <summary>The client verbs <c>submit</c>, <c>status</c>, <c>wait</c>, <c>edl</c>, <c>download</c>, <c>cancel</c> against a silo's API (<c>costs</c> is <see cref="CostsCommand"/>).</summary>
public static class RemoteCommands
{
    private static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEnumerable<Command> Create() => [Submit(), Status(), Wait(), Edl(), Download(), Cancel()];

    private static Command Submit()
    {
        var remote = new RemoteOptions();
        var source = new Argument<string>("source") { Description = "Path on the server's storage (under an allowed root), or a local file with --upload" };
        var upload = new Option<bool>("--upload") { Description = "Stream the local file to the server instead of naming a server path" };
        var target = new Option<double?>("--target") { Description = "Target length of the reel in seconds (server default 60)" };
        var llm = new LlmCommandOptions();
        var command = remote.AddTo(new Command("submit", "Queue a video on a silo; prints its id (the same source and options give the same id)") { source, upload, target });
        llm.AddTo(command);
        remote.SetAction(command, async (parse, client, ct) =>
        {
            // The server applies its own defaults (Llm:Model, budgets) to what is left unset.
            var request = new SubmitVideoRequest
            {
                Source = parse.GetValue(source)!,
                TargetDuration = parse.GetValue(target),
                Llm = parse.GetValue(llm.Llm),
                LlmModel = parse.GetValue(llm.Model),
                BudgetUsd = parse.GetValue(llm.BudgetUsd),
                OnBudget = parse.GetValue(llm.OnBudget)?.ToString().ToLowerInvariant(),
            };
            var video = parse.GetValue(upload)
                ? await client.UploadAsync(request.Source, request, ct)
                : await client.SubmitAsync(request, ct);
            Console.WriteLine(video.Id);
            await Console.Error.WriteLineAsync(Describe(video));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status()
    {
        var remote = new RemoteOptions();
        var id = new Argument<string>("id");
        var json = new Option<bool>("--json") { Description = "Print the whole status document" };
        var command = remote.AddTo(new Command("status", "Show a video's state, stage, progress, costs and error") { id, json });
        remote.SetAction(command, async (parse, client, ct) =>
        {
            var video = await client.GetAsync(parse.GetValue(id)!, ct);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(video, Pretty) : Describe(video));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Wait()
    {
        var remote = new RemoteOptions();
        var id = new Argument<string>("id");
        var poll = new Option<double>("--poll") { Description = "Seconds between status checks", DefaultValueFactory = _ => 2 };
        var command = remote.AddTo(new Command("wait", "Wait until a video is completed (exit 0), failed (1), stopped at its LLM budget (3) or cancelled (130)") { id, poll });
        remote.SetAction(command, async (parse, client, ct) =>
        {
            string? last = null;
            var progress = new Progress<VideoView>(v =>
            {
                var line = Describe(v);
                if (line != last)
                {
                    Console.Error.WriteLine(line);
                    last = line;
                }
            });
            var video = await client.WaitAsync(parse.GetValue(id)!, TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(poll))), progress, ct);
            Console.WriteLine(video.Status);
            return video.Status switch
            {
                "completed" => ExitCodes.Ok,
                "cancelled" => ExitCodes.Cancelled,
                "budget_exceeded" => ExitCodes.BudgetExceeded,
                _ => ExitCodes.Failed,
            };
        });
        return command;
    }

    private static Command Edl()
    {
        var remote = new RemoteOptions();
        var id = new Argument<string>("id");
        var output = new Option<string?>("--out", "-o") { Description = "Write the EDL to this file instead of standard output" };
        var version = VersionOption("EDL version to fetch (default: the latest; 1 is the machine's)");
        var command = remote.AddTo(new Command("edl", "Fetch a finished video's EDL (JSON)") { id, output, version });
        remote.SetAction(command, async (parse, client, ct) =>
        {
            var path = parse.GetValue(output) is { } given ? OutputPaths.File(given) : null;
            var edl = await client.GetEdlAsync(parse.GetValue(id)!, parse.GetValue(version), ct);
            if (path is not null)
            {
                await File.WriteAllTextAsync(path, edl, ct);
            }
            else
            {
                Console.WriteLine(edl);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Download()
    {
        var remote = new RemoteOptions();
        var id = new Argument<string>("id");
        var output = new Option<string>("--out", "-o") { Description = "Where to write the reel (.mp4)", Required = true };
        var version = VersionOption("EDL version whose reel to download (default: the latest; 1 is the machine's)");
        var command = remote.AddTo(new Command("download", "Download a finished video's rendered reel") { id, output, version });
        remote.SetAction(command, async (parse, client, ct) =>
        {
            var path = OutputPaths.File(parse.GetValue(output)!);
            var temp = path + ".part";
            await using (var file = File.Create(temp))
            {
                await client.DownloadRenderAsync(parse.GetValue(id)!, parse.GetValue(version), file, ct);
            }

            File.Move(temp, path, overwrite: true);
            Console.WriteLine(path);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<int?> VersionOption(string description)
    {
        var option = new Option<int?>("--version") { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--version must be 1 or more");
            }
        });
        return option;
    }

    private static Command Cancel()
    {
        var remote = new RemoteOptions();
        var id = new Argument<string>("id");
        var command = remote.AddTo(new Command("cancel", "Cancel a queued or running video (a running stage stops at the silo's next heartbeat)") { id });
        remote.SetAction(command, async (parse, client, ct) =>
        {
            Console.WriteLine(Describe(await client.CancelAsync(parse.GetValue(id)!, ct)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(VideoView video)
    {
        var stage = video.Stage is null ? string.Empty : $" ({video.Stage})";
        var queued = video.Queued && video.Status != "pending" ? ", queued for another attempt" : string.Empty;
        var error = video.Error is { } e ? $" - {e.Kind} in {e.Stage}: {e.Message}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{video.Id} {video.Status}{stage} {video.Progress:P0}{queued}{error}");
    }
}
