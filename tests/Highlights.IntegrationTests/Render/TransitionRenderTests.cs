using Highlights.Grains.Edl;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

public sealed class TransitionRenderTests : IAsyncLifetime
{
    private const int SampleRate = 48_000;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-transitions-");
    private string source = null!;

    /// <summary>8 s at 25 fps: red for 4 s, then blue; a steady 440 Hz tone throughout.</summary>
    public async Task InitializeAsync()
    {
        source = Path.Combine(directory.FullName, "red-blue.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "color=c=red:size=160x120:rate=25:duration=4",
            "-f", "lavfi", "-i", "color=c=blue:size=160x120:rate=25:duration=4",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=8",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v];[2:a]volume=4[a]",
            "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "pcm_s16le", "-f", "mov", source);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> RenderAsync(TimeSpan crossfade, int fadeMs)
    {
        var (edl, media) = await ReelHarness.EdlAsync(source, [(0.4, 2.4), (5.2, 7.2)], render => render with { AudioFadeMs = fadeMs, AudioCodec = "aac" });
        edl = EdlTransitions.Apply(edl, crossfade);
        var reel = Path.Combine(directory.FullName, $"reel-{Guid.NewGuid():N}.mp4");
        await ReelHarness.RenderAsync(edl, media, reel);
        return reel;
    }

    [Fact]
    public async Task A_crossfade_blends_both_segments_over_exactly_its_frames()
    {
        var reel = await RenderAsync(TimeSpan.FromMilliseconds(400), fadeMs: 10);

        // 50 + 50 frames sharing 10: 90 frames, 3.6 s of picture and of sound.
        Assert.Equal(90, await Ffmpeg.CountFramesAsync(reel));
        Assert.InRange(await Ffmpeg.StreamDurationAsync(reel, "a:0"), 3.6 - 0.025, 3.6 + 0.025);
        var red = await ReelHarness.RgbFrameAsync(reel, 30);
        var middle = await ReelHarness.RgbFrameAsync(reel, 45);
        var blue = await ReelHarness.RgbFrameAsync(reel, 60);
        Assert.True(red[0] > 200 && red[2] < 60, $"frame 30 is {red[0]},{red[1]},{red[2]}");
        Assert.True(blue[2] > 200 && blue[0] < 60, $"frame 60 is {blue[0]},{blue[1]},{blue[2]}");
        Assert.True(middle[0] is > 60 and < 200 && middle[2] is > 60 and < 200, $"mid-crossfade frame is {middle[0]},{middle[1]},{middle[2]}");
    }

    [Fact]
    public async Task Sound_fades_to_silence_at_a_cut_so_it_does_not_click()
    {
        var faded = await ReelHarness.PcmAsync(await RenderAsync(TimeSpan.Zero, fadeMs: 10), SampleRate);
        var abrupt = await ReelHarness.PcmAsync(await RenderAsync(TimeSpan.Zero, fadeMs: 0), SampleRate);

        // The cut is after 50 frames: 2 s. Within a millisecond of it the faded sound is near silence; the tone is loud.
        Assert.True(PeakAround(faded, 2.0) < 0.1, $"faded peak at the cut {PeakAround(faded, 2.0):0.000}");
        Assert.True(PeakAround(abrupt, 2.0) > 0.3, $"unfaded peak at the cut {PeakAround(abrupt, 2.0):0.000}");
        Assert.True(PeakAround(faded, 1.0) > 0.3, "the tone itself is loud");
    }

    private static double PeakAround(float[] samples, double seconds)
    {
        var centre = (int)(seconds * SampleRate);
        return samples.Skip(centre - (SampleRate / 1000)).Take(2 * SampleRate / 1000).Max(s => Math.Abs(s));
    }
}
