using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Cli;

/// <summary>A wrong command line gets one line naming the option and what it expects, exit code 2, and no stack trace or help dump.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-args-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData("--target expects a number, got 'abc'", "process", "in.mp4", "-o", "out", "--target", "abc")]
    [InlineData("--crossfade expects a whole number", "process", "in.mp4", "-o", "out", "--crossfade")]
    [InlineData("--loudness expects a number, got 'loud'", "process", "in.mp4", "-o", "out", "--loudness", "loud")]
    [InlineData("--budget-usd expects a number, got 'x'", "process", "in.mp4", "-o", "out", "--budget-usd", "x")]
    [InlineData("--target expects a number, got 'q'", "analyze", "in.mp4", "-o", "out", "--target", "q")]
    [InlineData("--target expects a number, got 'q'", "demo", "--target", "q")]
    [InlineData("--chunks expects a whole number, got 'q'", "render", "edl.json", "-o", "reel.mp4", "--chunks", "q")]
    [InlineData("--on-budget expects one of stop, offline, got 'never'", "process", "in.mp4", "-o", "out", "--on-budget", "never")]
    public async Task A_value_of_the_wrong_form_names_the_option_and_the_form(string expected, params string[] arguments)
    {
        var result = await Cli().RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {expected}", result.StandardError.Trim());
    }

    [Fact]
    public async Task A_typo_in_an_option_suggests_the_closest_one_and_nothing_else()
    {
        var result = await Cli().RunAsync("process", "in.mp4", "-o", "out", "--targt", "5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: unknown option --targt; did you mean --target?", result.StandardError.Trim());
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Enum_options_are_shown_in_lowercase_and_accepted_in_any_case()
    {
        var help = await Cli().RunAsync("export", "--help");
        var processHelp = await Cli().RunAsync("process", "--help");
        var upper = await Cli().RunAsync("export", Path.Combine(root.FullName, "none.json"), "--format", "OTIO");

        Assert.Contains("--format <otio|fcpxml|cmx3600|srt>", help.StandardOutput);
        Assert.Contains("--on-budget <stop|offline>", processHelp.StandardOutput);
        Assert.Contains("EDL file not found", upper.StandardError);
    }

    private CliProcess Cli() => new(root.FullName);
}
