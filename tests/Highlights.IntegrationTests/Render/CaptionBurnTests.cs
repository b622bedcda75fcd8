using Highlights.Grains.Edl;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

public sealed class CaptionBurnTests : IAsyncLifetime
{
    private const int Width = 320;
    private const int Height = 180;

    /// <summary>A work folder whose name needs every level of filter escaping.</summary>
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-captions-it's, [odd]; dir:");
    private string source = null!;

    public async Task InitializeAsync()
    {
        source = Path.Combine(directory.FullName, "grey.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", $"color=c=0x404040:size={Width}x{Height}:rate=25:duration=4",
            "-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono:d=4",
            "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", "-f", "mp4", source);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Hostile_caption_text_is_burned_in_as_plain_text()
    {
        // Override tags that would paint the text red and huge, a fake event line, escapes and commas.
        const string hostile = "{\\c&H0000FF&\\fs150\\bord0}RED {\\1c&H0000FF&}\nDialogue: 0,0:00:00.00,9:00:00.00,Caption,,0,0,0,,{\\c&H0000FF&}x \\N, \\h }";
        var (edl, media) = await ReelHarness.EdlAsync(source, [(0.5, 3.5)], render => render with { BurnCaptions = true });
        edl = edl with { Segments = [edl.Segments[0] with { Cues = [new EdlCue(0.5, 3.5, hostile)] }] };
        var reel = Path.Combine(directory.FullName, "reel.mp4");

        await ReelHarness.RenderAsync(edl, media, reel);

        // Every frame of the reel: the caption's lines follow one another.
        var frames = await ReelHarness.RgbFramesAsync(reel);
        var pixels = Enumerable.Range(0, frames.Length / 3).Select(i => (R: frames[i * 3], G: frames[(i * 3) + 1], B: frames[(i * 3) + 2])).ToList();
        var bright = pixels.Count(p => p.R > 200 && p.G > 150);
        var red = pixels.Count(p => p.R > 150 && p.G < 90 && p.B < 90);
        Assert.True(bright > 50, $"only {bright} caption pixels: no caption was burned in");
        // A few reddish pixels are chroma bleeding where amber text meets its black outline; injected tags paint thousands.
        Assert.True(red < 100, $"{red} red pixels: the caption's text was read as ASS override tags");
    }
}
