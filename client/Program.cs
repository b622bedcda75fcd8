using System.CommandLine;
using Highlights.Cli.Commands;

var root = new RootCommand("Highlights: finds the highlights of long videos and renders a short reel")
{
    ProcessCommand.Create(),
    AnalyzeCommand.Create(),
    DemoCommand.Create(),
    SampleCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
