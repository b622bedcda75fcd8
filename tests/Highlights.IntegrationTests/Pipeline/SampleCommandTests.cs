using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

/// <summary>Issue 12, item 12: <c>sample</c> refuses a length or size that would make no video, before ffmpeg runs.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-sample-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData("--minutes", "0")]
    [InlineData("--minutes", "-1")]
    [InlineData("--width", "0")]
    [InlineData("--fps", "-30")]
    public async Task A_sample_of_no_length_or_size_is_refused(string option, string value)
    {
        var file = Path.Combine(root.FullName, "s.mp4");

        var result = await new CliProcess(Path.Combine(root.FullName, "state")).RunAsync("sample", file, option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{option} must be a positive number", result.StandardError);
        Assert.False(File.Exists(file));
    }
}
