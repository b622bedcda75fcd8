using System.CommandLine;
using Highlights.Client;
using Highlights.Grains.Actor;

namespace Highlights.Cli.Commands;

/// <summary><c>--server URL --key KEY</c> for the verbs that talk to a silo (defaults: HIGHLIGHTS_SERVER, HIGHLIGHTS_KEY).</summary>
/// <remarks>
/// The server's default is resolved when used, not shown as a help default: for <c>costs</c> no server at all is the
/// default (the embedded ledger), and a help line claiming one would contradict that.
/// </remarks>
public sealed class RemoteOptions(string serverDescription = "Silo URL (default: HIGHLIGHTS_SERVER, else " + RemoteOptions.DefaultServer + ")")
{
    public const string DefaultServer = "http://127.0.0.1:8080";

    public Option<string?> Server { get; } = new("--server") { Description = serverDescription };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "API key from 'highlights keys create' (default: HIGHLIGHTS_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HIGHLIGHTS_KEY"),
    };

    public Command AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Key);
        return command;
    }

    /// <summary>True when <c>--server</c> or <c>--key</c> was given on the command line (not taken from the environment).</summary>
    public bool GivenExplicitly(ParseResult parse) =>
        parse.GetResult(Server) is { Implicit: false } || parse.GetResult(Key) is { Implicit: false };

    /// <summary>Runs <paramref name="body"/> with a client, turning API and network errors into one line and exit code 1.</summary>
    public void SetAction(Command command, Func<ParseResult, HighlightsClient, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    public async Task<int> RunAsync(ParseResult parse, Func<ParseResult, HighlightsClient, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var key = parse.GetValue(Key);
        if (string.IsNullOrEmpty(key))
        {
            await Console.Error.WriteLineAsync("error: no API key: pass --key KEY or set HIGHLIGHTS_KEY");
            return ExitCodes.Failed;
        }

        var url = parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("HIGHLIGHTS_SERVER") ?? DefaultServer;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var server))
        {
            await Console.Error.WriteLineAsync($"error: --server '{url}' is not an absolute URL");
            return ExitCodes.Failed;
        }

        try
        {
            return await body(parse, HighlightsClient.Create(server, key), cancellationToken);
        }
        catch (HighlightsApiException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach {server}: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        catch (InputRejectedException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InputRejected;
        }
    }
}
