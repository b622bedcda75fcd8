using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

public sealed class ChunkedRenderTests : IAsyncLifetime
{
    private const int SampleRate = 48_000;
    private const double Fps = 25;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-chunks-");
    private string source = null!;

    /// <summary>30 s at 25 fps: black, with one white frame at every whole second and a 40 ms beep starting with it.</summary>
    public async Task InitializeAsync()
    {
        source = Path.Combine(directory.FullName, "sync.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "color=c=black:size=160x120:rate=25:duration=30,drawbox=color=white:thickness=fill:enable='eq(mod(n\\,25)\\,0)'",
            "-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t\\,1)\\,0.04)\\,0.5*sin(2*PI*1000*t)\\,0)':s=48000:d=30",
            "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "192k", "-f", "mp4", source);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Chunks_joined_by_stream_copy_equal_a_single_pass_in_length_and_sync()
    {
        // Six 3 s segments cut mid-second, so each holds three flash-and-beep events away from its edges.
        var (edl, media) = await ReelHarness.EdlAsync(source, Enumerable.Range(0, 6).Select(i => (1.5 + (i * 4.5), 4.5 + (i * 4.5))));
        var single = Path.Combine(directory.FullName, "single.mp4");
        var chunked = Path.Combine(directory.FullName, "chunked.mp4");

        var onePass = await ReelHarness.RenderAsync(edl, media, single, chunks: 1);
        var inChunks = await ReelHarness.RenderAsync(edl, media, chunked, chunks: 3);

        Assert.Equal((1, 3), (onePass.Chunks, inChunks.Chunks));
        Assert.Equal(450, await Ffmpeg.CountFramesAsync(single));
        Assert.Equal(450, await Ffmpeg.CountFramesAsync(chunked));
        Assert.Equal(await Ffmpeg.StreamDurationAsync(single, "v:0"), await Ffmpeg.StreamDurationAsync(chunked, "v:0"), 3);
        Assert.Equal(await Ffmpeg.StreamDurationAsync(single, "a:0"), await Ffmpeg.StreamDurationAsync(chunked, "a:0"), 2);

        var singleEvents = await EventsAsync(single);
        var chunkedEvents = await EventsAsync(chunked);
        Assert.Equal(18, singleEvents.Count);
        Assert.Equal(singleEvents.Count, chunkedEvents.Count);
        foreach (var ((flash, beep), (chunkFlash, chunkBeep)) in singleEvents.Zip(chunkedEvents))
        {
            Assert.Equal(flash, chunkFlash, 3);
            Assert.True(Math.Abs(chunkBeep - beep) < 0.002, $"beep at {beep:0.000}s in one pass, {chunkBeep:0.000}s in chunks");
            Assert.True(Math.Abs(chunkBeep - chunkFlash) < 1 / Fps, $"flash at {chunkFlash:0.000}s, beep at {chunkBeep:0.000}s");
        }
    }

    /// <summary>Times of each white frame and of the onset of the beep nearest to it.</summary>
    private static async Task<List<(double Flash, double Beep)>> EventsAsync(string reel)
    {
        var brightness = await ReelHarness.FrameBrightnessAsync(reel);
        var flashes = brightness.Select((b, i) => (b, i)).Where(x => x.b > 128).Select(x => x.i / Fps).ToList();
        var samples = await ReelHarness.PcmAsync(reel, SampleRate);
        var onsets = new List<double>();
        var quietSince = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            if (Math.Abs(samples[i]) > 0.1)
            {
                if (i - quietSince > SampleRate / 10)
                {
                    onsets.Add(i / (double)SampleRate);
                }

                quietSince = i;
            }
        }

        return [.. flashes.Select(f => (f, onsets.MinBy(o => Math.Abs(o - f))))];
    }
}
