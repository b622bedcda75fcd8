using System.CommandLine;

namespace Highlights.Cli.Commands;

public static class CommonOptions
{
    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Log each stage's details to stderr" };

    public static Option<string?> Db() => new("--db") { Description = "PostgreSQL connection string of the cluster (default: HIGHLIGHTS_DB)" };

    public static Option<double> Target() => new Option<double>("--target")
    {
        Description = "Target length of the highlight reel in seconds",
        DefaultValueFactory = _ => 60,
    }.Reject(seconds => seconds <= 0, "--target must be a positive number of seconds");
}
