using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Render.Reframe;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Faces;
using Highlights.Grains.Signals.Visual;
using Highlights.IntegrationTests.Fixtures;
using Microsoft.Extensions.Options;

namespace Highlights.IntegrationTests.Render;

/// <summary>A face moving left to right, found by the real detector, followed by a vertical crop rendered by ffmpeg.</summary>
public sealed class ReframeRenderTests : IAsyncLifetime
{
    private const int Width = 640;
    private const int Height = 360;
    private const double Fps = 25;

    /// <summary>The overlay is 160 px wide; the face inside it about 80 px, centred.</summary>
    private const double FaceHalfWidth = 40;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-reframe-");
    private string source = null!;

    /// <summary>Centre-x of the face at <paramref name="time"/> s: the overlay moves 50 px/s from x = 20.</summary>
    private static double FaceX(double time) => 20 + (50 * time) + 80;

    public async Task InitializeAsync()
    {
        source = Path.Combine(directory.FullName, "walking-face.mp4");
        var astronaut = Path.Combine(RepoPaths.Shared, "samples", "astronaut.png");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", $"color=c=0x506070:size={Width}x{Height}:rate=25:duration=8",
            "-loop", "1", "-framerate", "25", "-i", astronaut,
            "-filter_complex", "[1:v]crop=200:230:125:0,scale=160:184[face];[0:v][face]overlay=x='20+50*t':y=90:shortest=1,format=yuv420p[v]",
            "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-t", "8", "-f", "mp4", source);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_crop_keeps_the_moving_face_in_frame_at_a_bounded_speed_and_renders_as_planned()
    {
        var (edl, media) = await ReelHarness.EdlAsync(source, [(0.4, 7.6)], render => render with { Framing = ReelFraming.Vertical, Width = 202, Height = 360 });
        var options = new ReframeOptions();
        var signals = new SignalsOptions();
        using var analyzer = new HaarFrameAnalyzerFactory(Options.Create(signals)).Create();
        var format = FrameFormat.For(Width, Height, signals.FrameWidth, options.FaceRate);
        var samples = await new SegmentFaceSampler(Options.Create(new MediaToolOptions())).SampleAsync(source, 0, 0.4, 7.6, format, analyzer, CancellationToken.None);

        Assert.True(samples.Count(s => s.Faces.Count > 0) >= 0.8 * samples.Count, $"a face in {samples.Count(s => s.Faces.Count > 0)} of {samples.Count} samples");
        Assert.All(samples.Where(s => s.Faces.Count > 0), s => Assert.InRange(s.Faces[0].CentreX * Width, FaceX(s.Time) - 20, FaceX(s.Time) + 20));

        edl = EdlReframing.FollowingFaces(edl, FrameGeometry.For(ReelFraming.Vertical, Width, Height), samples, options);
        var reframe = edl.Segments[0].Reframe!;
        Assert.Equal(ReframeTracking.Faces, reframe.Tracking);
        for (var frame = 0; frame < edl.Segments[0].Frames; frame++)
        {
            var time = frame / Fps;
            var left = XAt(reframe, time);
            var face = FaceX(0.4 + time);
            Assert.True(face - FaceHalfWidth >= left && face + FaceHalfWidth <= left + 202, $"at {time:0.00}s the face spans {face - FaceHalfWidth:0}-{face + FaceHalfWidth:0}, the crop {left:0}-{left + 202:0}");
        }

        var limit = options.MaxSpeed * Width;
        Assert.All(reframe.Keyframes.Zip(reframe.Keyframes.Skip(1)), p => Assert.True(Math.Abs(p.Second.X - p.First.X) <= (limit * (p.Second.Time - p.First.Time)) + 1));

        // The reel shows, frame for frame, the source cropped where the keyframes say.
        var reel = Path.Combine(directory.FullName, "vertical.mp4");
        await ReelHarness.RenderAsync(edl, media, reel);
        Assert.Equal((202, 360), ((await Ffmpeg.ProbeAsync(reel)).Video!.Width, (await Ffmpeg.ProbeAsync(reel)).Video!.Height));
        foreach (var frame in new[] { 10, 90, 170 })
        {
            var shown = await GreyAsync(reel, frame, null);
            var planned = await GreyAsync(source, edl.Segments[0].StartFrame + frame, (int)Math.Round(XAt(reframe, frame / Fps)));
            var centred = await GreyAsync(source, edl.Segments[0].StartFrame + frame, 219);
            Assert.True(Difference(shown, planned) < 4, $"frame {frame}: {Difference(shown, planned):0.0} from the planned crop");
            Assert.True(Difference(shown, centred) > Difference(shown, planned) + 4, $"frame {frame}: the centre crop matches as well");
        }
    }

    private static double XAt(EdlReframe reframe, double time)
    {
        var k = reframe.Keyframes;
        var after = k.FirstOrDefault(f => f.Time >= time) ?? k[^1];
        var before = k.LastOrDefault(f => f.Time <= time) ?? k[0];
        return after.Time == before.Time ? before.X : before.X + ((time - before.Time) / (after.Time - before.Time) * (after.X - before.X));
    }

    /// <summary>One frame, cropped to the reel's window at <paramref name="left"/> (or as it is when null), as 51x90 grey bytes.</summary>
    private static async Task<byte[]> GreyAsync(string path, long frame, int? left)
    {
        var file = Path.Combine(Path.GetTempPath(), $"grey-{Guid.NewGuid():N}.gray");
        try
        {
            var crop = left is { } x ? $"crop=202:360:{x}:0," : string.Empty;
            await Ffmpeg.RunAsync("-i", path, "-vf", $"select=eq(n\\,{frame}),{crop}scale=51:90,format=gray", "-frames:v", "1", "-f", "rawvideo", file);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Difference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
}
