using Highlights.Grains.Edl;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

/// <summary>Loudness of real renders, measured with ffmpeg's loudnorm analyser (EBU R128 integrated loudness).</summary>
public sealed class LoudnessRenderTests : IAsyncLifetime
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-loudness-");
    private string source = null!;

    /// <summary>20 s of modulated pink noise: the first half 8 dB louder than the second.</summary>
    public async Task InitializeAsync()
    {
        source = Path.Combine(directory.FullName, "two-levels.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=20",
            "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.08:sample_rate=48000:duration=20",
            "-filter_complex", "[1:a]tremolo=f=2:d=0.6,volume='if(lt(t,10),1,0.4)':eval=frame[a]",
            "-map", "0:v", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "192k", "-f", "mp4", source);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(string Reel, double SourceStep)> RenderAsync(double target, double levellingRange)
    {
        var (edl, media) = await ReelHarness.EdlAsync(source, [(2, 6), (12, 16)]);
        var measured = await Ffmpeg.Tool.MeasureLoudnessAsync(source, media.Audio!.Index, media.DurationSeconds, null, CancellationToken.None);
        edl = edl with { Render = edl.Render with { Loudness = new LoudnessSettings(target, -1.5, measured!) } };
        edl = EdlLoudness.Apply(edl, await ReelHarness.EnergyAsync(source), levellingRange);
        var reel = Path.Combine(directory.FullName, $"reel-{Guid.NewGuid():N}.mp4");
        await ReelHarness.RenderAsync(edl, media, reel);
        var step = await ReelHarness.LoudnessAsync(source, 2, 4) - await ReelHarness.LoudnessAsync(source, 12, 4);
        return (reel, step);
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(-23)]
    public async Task The_reel_lands_within_one_lu_of_the_target(double target)
    {
        var (reel, _) = await RenderAsync(target, levellingRange: 6);

        Assert.InRange(await ReelHarness.LoudnessAsync(reel), target - 1, target + 1);
    }

    [Fact]
    public async Task Segments_from_parts_of_different_level_play_at_the_same_level()
    {
        var (reel, sourceStep) = await RenderAsync(-16, levellingRange: 6);

        var first = await ReelHarness.LoudnessAsync(reel, 0.2, 3.6);
        var second = await ReelHarness.LoudnessAsync(reel, 4.2, 3.6);
        Assert.True(sourceStep > 6, $"the source's parts differ by only {sourceStep:0.0} LU");
        Assert.True(Math.Abs(first - second) < 1, $"adjacent segments differ by {first - second:0.00} LU (source: {sourceStep:0.00} LU)");
    }

    [Fact]
    public async Task Without_levelling_one_gain_keeps_the_sources_own_contrast()
    {
        var (reel, sourceStep) = await RenderAsync(-16, levellingRange: 0);

        var step = await ReelHarness.LoudnessAsync(reel, 0.2, 3.6) - await ReelHarness.LoudnessAsync(reel, 4.2, 3.6);
        Assert.InRange(step, sourceStep - 1, sourceStep + 1);
    }
}
