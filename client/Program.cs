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

return await parse.InvokeAsync();
