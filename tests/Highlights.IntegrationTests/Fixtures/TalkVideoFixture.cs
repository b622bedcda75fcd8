using Highlights.Cli.Demo;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>
/// A short generated talk (espeak-ng speech, SRT sidecar, crowd noise under two lines) shared by the pipeline
/// tests, plus a longer variant whose render takes long enough to be killed part-way.
/// </summary>
public sealed class TalkVideoFixture : IAsyncLifetime
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-talk-");

    public SampleVideo Talk { get; private set; } = null!;

    public string Root => directory.FullName;

    public static IReadOnlyList<DemoLine> Lines { get; } =
    [
        new("Welcome back, today we talk about shipping software.", false),
        new("It was slow and nobody used it for a year.", false),
        new("That was the moment everything changed, absolutely incredible.", true),
        new("Let me give you some numbers about usage.", false),
        new("The biggest surprise was that saying no made it better.", true),
        new("Thanks for listening, see you next time.", false),
    ];

    public async Task InitializeAsync()
    {
        var generator = new SampleVideoGenerator(Ffmpeg.Tool);
        Directory.CreateDirectory(Path.Combine(Root, "talk"));
        Talk = await generator.GenerateAsync(new SampleVideoSpec(640, 360, 25, Lines), Path.Combine(Root, "talk", "talk.mp4"), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>process</c> on the talk with a fresh state and output folder; fails the test unless it succeeds.</summary>
    public async Task<ProcessedTalk> ProcessAsync(double targetSeconds)
    {
        var cli = new CliProcess(NewFolder("state"));
        var output = NewFolder("out");
        var result = (await cli.RunAsync("process", Talk.VideoPath, "--out", output, "--target", targetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))).AssertSucceeded();
        return new ProcessedTalk(cli, output, result);
    }

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, $"{name}-{Guid.NewGuid():N}")).FullName;
}

public sealed record ProcessedTalk(CliProcess Cli, string Output, CliResult Result)
{
    public string EdlPath => Path.Combine(Output, "edl.json");
}

[CollectionDefinition(Name)]
public sealed class TalkVideoCollection : ICollectionFixture<TalkVideoFixture>
{
    public const string Name = "talk video";
}
