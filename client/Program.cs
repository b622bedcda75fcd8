using System.CommandLine;
using Highlights.Cli;
using Highlights.Cli.Commands;

var root = new RootCommand("Highlights: finds the highlights of long videos and renders a short reel")
{
    ProcessCommand.Create(),
    AnalyzeCommand.Create(),
    DemoCommand.Create(),
    SampleCommand.Create(),
    ExportCommand.Create(),
    RenderCommand.Create(),
    SiloCommand.Create(),
    DbCommand.Create(),
    KeysCommand.Create(),
    LlmEstimateCommand.Create(),
    CostsCommand.Create(),
    TranscribeCommand.Create(),
    ModelsCommand.Create(),
};
foreach (var command in RemoteCommands.Create())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    Console.Error.WriteLine("error: " + ParseErrorLine.Format(parse));
    return ExitCodes.BadArguments;
}

// A Ctrl-C cancels: the running stage stops its ffmpeg gracefully (Media:GracefulStop) and the state is saved as
// cancelled. The default 2 s would end the process in the middle of that.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
