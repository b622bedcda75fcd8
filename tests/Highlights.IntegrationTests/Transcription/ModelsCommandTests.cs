using System.Net;
using System.Net.Sockets;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Transcription;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-models-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task The_list_shows_every_model_its_size_and_which_are_installed()
    {
        var models = Directory.CreateDirectory(Path.Combine(root.FullName, "models")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(models, "ggml-tiny.en.bin"), [1, 2, 3]);

        var result = await Cli(("HIGHLIGHTS_WHISPER__MODELSDIRECTORY", models)).RunAsync("models", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("tiny.en ", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("base.en ", StringComparison.Ordinal) && l.Contains("141 MiB  -", StringComparison.Ordinal));
        Assert.Contains($"models directory: {models}", result.StandardOutput);
    }

    [Fact]
    public async Task A_download_without_network_says_so_and_how_to_place_the_file_by_hand()
    {
        var models = Path.Combine(root.FullName, "models");
        var unreachable = $"http://127.0.0.1:{Highlights.Silo.Hosting.LoopbackPort.Free()}/whisper";

        var result = await Cli(("HIGHLIGHTS_WHISPER__MODELSDIRECTORY", models), ("HIGHLIGHTS_WHISPER__DOWNLOADBASEURL", unreachable))
            .RunAsync("models", "download", "tiny.en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no network", result.StandardError);
        Assert.Contains($"{unreachable}/ggml-tiny.en.bin", result.StandardError);
        Assert.Contains("921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f", result.StandardError);
        Assert.Contains(Path.Combine(models, "ggml-tiny.en.bin"), result.StandardError);
        Assert.Empty(Directory.GetFiles(models));
    }

    [Fact]
    public async Task An_unknown_model_name_is_refused_with_the_choices()
    {
        var result = await Cli().RunAsync("models", "download", "huge.en");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("base.en", result.StandardError + result.StandardOutput);
    }

    private CliProcess Cli(params (string Key, string Value)[] environment) =>
        new(Path.Combine(root.FullName, "state"), environment.ToDictionary(e => e.Key, e => e.Value));
}
