using System.CommandLine;
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

return await root.Parse(args).InvokeAsync();
