using Highlights.Grains.Media;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Media;

/// <summary>The real ffprobe, read through FFMpegCore's typed analysis.</summary>
public sealed class ProbeTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-probe-");

    public void Dispose() => temp.Delete(recursive: true);

    /// <summary>
    /// FFMpegCore's own FFProbe passes the path inside one argument string, which splits these names apart; the path
    /// reaches our ffprobe as one argument, whatever it holds.
    /// </summary>
    [Theory]
    [InlineData("plain.mp4")]
    [InlineData("a \"quoted\" talk.mp4")]
    [InlineData("back\\slash\" x.mp4")]
    public async Task A_file_is_described_whatever_its_name_holds(string name)
    {
        var path = Path.Combine(temp.FullName, name);
        await MakeClipAsync(path, seconds: 2, "-preset", "ultrafast");

        var info = await Ffmpeg.ProbeAsync(path);

        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", info.FormatName);
        Assert.InRange(info.DurationSeconds, 1.9, 2.1);
        Assert.Equal((320, 180, 25.0), (info.Video!.Width, info.Video.Height, info.Video.FrameRate));
        Assert.Equal(("aac", 48000), (info.Audio!.Codec, info.Audio.SampleRate));
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_unreadable_with_ffprobes_reason()
    {
        var path = Path.Combine(temp.FullName, "notes.mp4");
        await File.WriteAllTextAsync(path, "not a video at all");

        var error = await Assert.ThrowsAsync<MediaUnreadableException>(() => Ffmpeg.ProbeAsync(path));

        Assert.Contains("Invalid data", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The coarse visual pass's input: every packet of the video stream, in presentation order, timed from the file's
    /// start as ffmpeg's seeks are, even in an MPEG-TS whose timestamps start at 1.4 s.
    /// </summary>
    [Theory]
    [InlineData("clip.mp4")]
    [InlineData("clip.ts")]
    public async Task Video_packets_come_in_presentation_order_timed_from_the_start(string name)
    {
        var path = Path.Combine(temp.FullName, name);
        await MakeClipAsync(path, seconds: 4, "-preset", "veryfast", "-g", "25");

        var packets = await Ffmpeg.Tool.ReadVideoPacketsAsync(path, 0, CancellationToken.None);

        Assert.Equal(100, packets.Count);
        Assert.InRange(packets[0].Time, 0, 0.1);
        Assert.True(packets[0].Key);
        Assert.Equal(packets.Select(p => p.Time).Order(), packets.Select(p => p.Time));
        Assert.Equal(4, packets.Count(p => p.Key));
        Assert.All(packets, p => Assert.True(p.Size > 0));
    }

    /// <summary>A 320x180 25 fps test pattern with a tone, H.264 (with <paramref name="x264"/>) and AAC, in the container <paramref name="path"/> names.</summary>
    private static Task MakeClipAsync(string path, int seconds, params string[] x264) =>
        Ffmpeg.RunAsync(
        [
            "-f", "lavfi", "-i", $"testsrc2=d={seconds}:s=320x180:r=25", "-f", "lavfi", "-i", $"sine=f=440:d={seconds}:sample_rate=48000",
            "-c:v", "libx264", .. x264, "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path,
        ]);
}
