using Highlights.Grains.Edl;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

public sealed class ColourRenderTests : IAsyncLifetime
{
    /// <summary>Solid patches, left to right, as SMPTE 170M RGB.</summary>
    private static readonly (byte R, byte G, byte B)[] Patches = [(200, 60, 60), (60, 170, 80), (50, 80, 200), (230, 200, 60), (128, 128, 128)];

    private const int Width = 1280;
    private const int Height = 720;
    private const int PatchWidth = Width / 5;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-colour-");
    private string source = null!;

    /// <summary>
    /// An HD picture encoded with the BT.601 matrix and tagged BT.601 (SMPTE 170M): the tags, not the HD size, must
    /// decide. Lossless, so only the conversion under test changes the colours.
    /// </summary>
    public async Task InitializeAsync()
    {
        source = Path.Combine(directory.FullName, "bt601.mp4");
        var args = new List<string>();
        var stack = string.Empty;
        for (var i = 0; i < Patches.Length; i++)
        {
            args.AddRange(["-f", "lavfi", "-i", $"color=c=0x{Patches[i].R:x2}{Patches[i].G:x2}{Patches[i].B:x2}:size={PatchWidth}x{Height}:rate=10:duration=2"]);
            stack += $"[{i}:v]format=rgb24[p{i}];";
        }

        args.AddRange([
            "-filter_complex", stack + string.Concat(Enumerable.Range(0, Patches.Length).Select(i => $"[p{i}]")) + $"hstack=inputs={Patches.Length},scale=out_color_matrix=bt601:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p[v]",
            "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0",
            "-colorspace", "smpte170m", "-color_primaries", "smpte170m", "-color_trc", "smpte170m", "-color_range", "tv", "-f", "mp4", source,
        ]);
        await Ffmpeg.RunAsync([.. args]);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_bt601_tagged_input_comes_out_tagged_bt709_with_its_colours_converted()
    {
        var (edl, media) = await ReelHarness.EdlAsync(source, [(0.5, 1.5)], render => render with { Crf = 0 });
        Assert.Equal(new ColourInput("smpte170m", "smpte170m", "smpte170m", "tv", ColourBasis.Tags), edl.Render.Colour);
        var reel = Path.Combine(directory.FullName, "reel.mp4");

        await ReelHarness.RenderAsync(edl, media, reel);

        var video = (await Ffmpeg.ProbeAsync(reel)).Video!;
        Assert.Equal(("bt709", "bt709", "bt709", "tv"), (video.ColorSpace, video.ColorPrimaries, video.ColorTransfer, video.ColorRange));
        var rendered = await ReelHarness.RgbFrameAsync(reel, 3);
        var errors = Patches.Select((p, i) => Error(rendered, i, Bt709Reference.FromSmpte170m(p.R, p.G, p.B))).ToList();
        Assert.True(errors.Max() <= 5, $"largest channel error per patch: {string.Join(", ", errors.Select(e => e.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");

        // The same pixels read as BT.709 without conversion (what untouched BT.601 video shows in a BT.709 reel) miss.
        var unconverted = await ReelHarness.RgbFrameAsync(source, 3);
        Assert.True(Patches.Select((p, i) => Error(unconverted, i, Bt709Reference.FromSmpte170m(p.R, p.G, p.B))).Max() > 10);
    }

    /// <summary>Largest channel difference between the mean of a patch's centre and the expected colour.</summary>
    private static double Error(byte[] rgb, int patch, (double R, double G, double B) expected)
    {
        double r = 0, g = 0, b = 0;
        var count = 0;
        for (var y = (Height / 2) - 8; y < (Height / 2) + 8; y++)
        {
            for (var x = (patch * PatchWidth) + (PatchWidth / 2) - 8; x < (patch * PatchWidth) + (PatchWidth / 2) + 8; x++)
            {
                var at = ((y * Width) + x) * 3;
                (r, g, b, count) = (r + rgb[at], g + rgb[at + 1], b + rgb[at + 2], count + 1);
            }
        }

        return new[] { Math.Abs((r / count) - expected.R), Math.Abs((g / count) - expected.G), Math.Abs((b / count) - expected.B) }.Max();
    }
}
