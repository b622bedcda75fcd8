using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Cli;

/// <summary><c>-v</c> shows the pipeline's details, not the start-up lines of the host the CLI runs inside.</summary>
public sealed class VerboseOutputTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-verbose-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task Verbose_output_has_no_web_host_start_up_noise()
    {
        var result = await new CliProcess(root.FullName).RunAsync(
            "render", Path.Combine(root.FullName, "none.json"), "-o", Path.Combine(root.FullName, "reel.mp4"), "-v");

        Assert.Contains("EDL file not found", result.StandardError);
        Assert.DoesNotContain("Application started", result.StandardError);
        Assert.DoesNotContain("Content root path", result.StandardError);
        Assert.DoesNotContain("Hosting environment", result.StandardError);
    }
}
