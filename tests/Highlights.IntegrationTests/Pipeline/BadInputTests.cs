using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

/// <summary>Every unusable input ends with exit code 2, one line naming the file and the reason, and nothing in the output folder.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-bad-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public Task A_missing_file_is_rejected() =>
        AssertRejectedAsync(Path.Combine(root.FullName, "nope.mp4"), "file not found");

    [Fact]
    public Task A_folder_is_rejected_as_a_directory() =>
        AssertRejectedAsync(Directory.CreateDirectory(Path.Combine(root.FullName, "talks")).FullName, "is a directory");

    [Fact]
    public async Task An_empty_file_is_rejected()
    {
        var path = Path.Combine(root.FullName, "empty.mp4");
        await File.WriteAllBytesAsync(path, []);
        await AssertRejectedAsync(path, "file is empty");
    }

    [Fact]
    public async Task A_text_file_is_rejected_as_not_media()
    {
        var path = Path.Combine(root.FullName, "notes.mp4");
        await File.WriteAllTextAsync(path, "these are meeting notes, not a video\n");
        await AssertRejectedAsync(path, "not a readable media file");
    }

    [Fact]
    public async Task An_mp4_cut_before_its_index_is_rejected_as_truncated()
    {
        var whole = await MakeVideoAsync("whole.mp4", faststart: false);
        var path = await TruncateAsync(whole, "cut.mp4");
        await AssertRejectedAsync(path, "moov atom not found");
    }

    [Fact]
    public async Task A_faststart_mp4_missing_its_tail_is_rejected_as_truncated()
    {
        var whole = await MakeVideoAsync("whole-fs.mp4", faststart: true);
        var path = await TruncateAsync(whole, "cut-fs.mp4");
        await AssertRejectedAsync(path, "truncated");
    }

    [Fact]
    public async Task An_audio_only_file_is_rejected_for_having_no_video()
    {
        var path = Path.Combine(root.FullName, "podcast.m4a");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "aac", path);
        await AssertRejectedAsync(path, "no video stream");
    }

    [Fact]
    public async Task Hdr_video_is_rejected_unless_tone_mapping_is_asked_for()
    {
        var path = Path.Combine(root.FullName, "hdr.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3", "-c:v", "libx264", "-pix_fmt", "yuv420p10le",
            "-color_trc", "smpte2084", "-color_primaries", "bt2020", "-colorspace", "bt2020nc", path);
        await AssertRejectedAsync(path, "HDR video (PQ");

        var output = Path.Combine(root.FullName, "tone-mapped");
        var result = await NewCli().RunAsync("process", path, "--out", output, "--target", "2", "--tone-map");
        Assert.True(result.ExitCode == 0, result.ToString());
        var reel = await Ffmpeg.ProbeAsync(Path.Combine(output, "highlights.mp4"));
        Assert.Equal("yuv420p", reel.Video!.PixelFormat);
    }

    [Fact]
    public async Task A_video_longer_than_the_limit_is_rejected()
    {
        var path = await MakeVideoAsync("long.mp4", faststart: true);
        var env = new Dictionary<string, string> { ["HIGHLIGHTS_PROBE__MAXDURATION"] = "00:00:02" };
        await AssertRejectedAsync(path, "exceeds the limit of 0:00:02 (Probe:MaxDuration)", env);
    }

    [Fact]
    public async Task A_binary_caption_file_is_rejected()
    {
        var video = await MakeVideoAsync("talk.mp4", faststart: true);
        var captions = Path.Combine(root.FullName, "captions.srt");
        await File.WriteAllBytesAsync(captions, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray());
        await AssertRejectedAsync(video, "captions.srt", extraArguments: ["--captions", captions]);
    }

    [Fact]
    public async Task A_video_without_audio_is_processed_and_the_report_says_so()
    {
        var path = Path.Combine(root.FullName, "silent.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=30", "-c:v", "libx264", "-preset", "ultrafast", path);
        var output = Path.Combine(root.FullName, "silent-out");

        var result = await NewCli().RunAsync("process", path, "--out", output, "--target", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = Json.Read(Path.Combine(output, "report.json"));
        Assert.False(report.GetProperty("has_audio").GetBoolean());
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("no audio stream", StringComparison.Ordinal));
        await EdlSchema.AssertValidAsync(Path.Combine(output, "edl.json"));
        var reel = await Ffmpeg.ProbeAsync(Path.Combine(output, "highlights.mp4"));
        Assert.Null(reel.Audio);
        Assert.InRange(reel.DurationSeconds, 5, 10.1);
    }

    [Fact]
    public async Task Embedded_text_subtitles_become_the_transcript()
    {
        var srt = Path.Combine(root.FullName, "subs.srt");
        await File.WriteAllTextAsync(srt, "1\n00:00:01,000 --> 00:00:04,000\nWhat an incredible goal!\n\n2\n00:00:05,000 --> 00:00:08,000\nNothing happens here.\n");
        var path = Path.Combine(root.FullName, "with-subs.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=10", "-f", "lavfi", "-i", "sine=frequency=300:duration=10", "-i", srt,
            "-map", "0:v", "-map", "1:a", "-map", "2:s", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-c:s", "mov_text", path);
        File.Delete(srt);
        var output = Path.Combine(root.FullName, "subs-out");

        var result = await NewCli().RunAsync("process", path, "--out", output, "--target", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var transcript = Json.Read(Path.Combine(output, "report.json")).GetProperty("transcript");
        Assert.Equal("embedded", transcript.GetProperty("source").GetString());
        Assert.Equal(2, transcript.GetProperty("cues").GetInt32());
        var segment = Assert.Single(Json.Read(Path.Combine(output, "edl.json")).GetProperty("segments").EnumerateArray());
        Assert.Equal("What an incredible goal!", segment.GetProperty("text").GetString());
    }

    private CliProcess NewCli(IReadOnlyDictionary<string, string>? environment = null) =>
        new(Path.Combine(root.FullName, "state"), environment);

    private async Task AssertRejectedAsync(
        string input, string reason, IReadOnlyDictionary<string, string>? environment = null, string[]? extraArguments = null)
    {
        var output = Path.Combine(root.FullName, "out-" + Guid.NewGuid().ToString("N"));
        var result = await NewCli(environment).RunAsync(["process", input, "--out", output, .. extraArguments ?? []]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(reason, error);
        Assert.Contains(Path.GetFileName(extraArguments is null ? input : extraArguments[^1]), error);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "output folder must stay empty");
    }

    private async Task<string> MakeVideoAsync(string name, bool faststart)
    {
        var path = Path.Combine(root.FullName, name);
        await Ffmpeg.RunAsync(
            ["-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
             "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-shortest", .. faststart ? new[] { "-movflags", "+faststart" } : [], path]);
        return path;
    }

    private async Task<string> TruncateAsync(string whole, string name)
    {
        var bytes = await File.ReadAllBytesAsync(whole);
        var path = Path.Combine(root.FullName, name);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 3)]);
        return path;
    }
}
