using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace Highlights.IntegrationTests.Pipeline;

/// <summary>
/// Selection that follows the moment, through <c>highlights process</c> with real ffmpeg, espeak-ng and OpenCV: the
/// roar with a moving face inside long, bland cues is the reel, almost whole and with little around it; the louder
/// but empty stretch is not; and no cut falls inside a word.
/// </summary>
public sealed class MomentEdgesEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-moment-");

    private MomentTalk talk = null!;

    public async Task InitializeAsync() => talk = await MomentTalk.MakeAsync(directory.FullName);

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_roar_is_the_reel_almost_whole_and_no_cut_falls_inside_a_word()
    {
        var cli = new CliProcess(Directory.CreateDirectory(Path.Combine(directory.FullName, "state")).FullName);
        var outDir = Directory.CreateDirectory(Path.Combine(directory.FullName, "out")).FullName;
        (await cli.RunAsync("process", talk.VideoPath, "--out", outDir, "--target", "8")).AssertSucceeded();

        var edlPath = Path.Combine(outDir, "edl.json");
        await EdlSchema.AssertValidAsync(edlPath);
        var segments = Json.Read(edlPath).GetProperty("segments").EnumerateArray()
            .Select(s => (Start: s.GetProperty("start").GetDouble(), End: s.GetProperty("end").GetDouble(),
                Reasons: s.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList()))
            .ToList();
        foreach (var s in segments)
        {
            output.WriteLine($"{s.Start:0.000}-{s.End:0.000}: {string.Join(" | ", s.Reasons)}");
        }

        Assert.NotEmpty(segments);
        double Overlap(double from, double to) => segments.Sum(s => Math.Max(0, Math.Min(s.End, to) - Math.Max(s.Start, from)));
        var covered = Overlap(MomentTalk.RoarFrom, MomentTalk.RoarTo) / (MomentTalk.RoarTo - MomentTalk.RoarFrom);
        var outside = segments.Sum(s => s.End - s.Start) - Overlap(MomentTalk.RoarFrom, MomentTalk.RoarTo);
        output.WriteLine($"roar covered {covered:P1}, {outside:0.00} s outside it");

        Assert.True(covered >= 0.9, $"the reel covers {covered:P1} of the roar");
        Assert.True(outside <= 1.5, $"the reel spends {outside:0.00} s outside the roar");
        Assert.Equal(0, Overlap(MomentTalk.LoudFrom, MomentTalk.LoudTo), 6);
        Assert.Contains(segments, s => s.Reasons.Any(r => r.StartsWith("start: audio excitement rise", StringComparison.Ordinal) || r.StartsWith("start: visual reaction rise", StringComparison.Ordinal)));
        Assert.Contains(segments, s => s.Reasons.Any(r => r.StartsWith("sound and picture agree", StringComparison.Ordinal)));
        Assert.All(segments.SelectMany(s => new[] { s.Start, s.End }), cut => Assert.False(talk.InsideAWord(cut), $"a cut at {cut:0.000} s falls inside a word"));
    }
}
