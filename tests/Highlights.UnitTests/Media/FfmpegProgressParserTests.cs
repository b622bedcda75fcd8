using Highlights.Grains.Media;

namespace Highlights.UnitTests.Media;

public sealed class FfmpegProgressParserTests
{
    // What `ffmpeg -progress pipe:1` writes: key=value blocks, each ended by progress=continue|end.
    private const string Transcript = """
        frame=45
        fps=0.00
        stream_0_0_q=28.0
        bitrate=N/A
        total_size=48
        out_time_us=1501500
        out_time_ms=1501500
        out_time=00:00:01.501500
        dup_frames=0
        drop_frames=0
        speed=   3x
        progress=continue
        frame=120
        fps=59.87
        stream_0_0_q=28.0
        bitrate= 412.3kbits/s
        total_size=206848
        out_time_us=4004000
        out_time_ms=4004000
        out_time=00:00:04.004000
        dup_frames=0
        drop_frames=0
        speed=N/A
        progress=continue
        frame=150
        fps=60.01
        stream_0_0_q=-1.0
        bitrate= 398.9kbits/s
        total_size=249856
        out_time_us=5005000
        out_time_ms=5005000
        out_time=00:00:05.005000
        dup_frames=0
        drop_frames=0
        speed= 1.5x
        progress=end
        """;

    private static List<FfmpegProgress> Feed(FfmpegProgressParser parser, string text) =>
        [.. text.Split('\n').Select(parser.Accept).OfType<FfmpegProgress>()];

    [Fact]
    public void A_progress_transcript_yields_one_snapshot_per_block()
    {
        var snapshots = Feed(new FfmpegProgressParser(), Transcript);

        Assert.Equal(
            [
                new FfmpegProgress(1.5015, 45, 3, IsEnd: false),
                new FfmpegProgress(4.004, 120, 3, IsEnd: false),
                new FfmpegProgress(5.005, 150, 1.5, IsEnd: true),
            ],
            snapshots);
    }

    [Fact]
    public void Nothing_is_emitted_before_a_progress_line()
    {
        var parser = new FfmpegProgressParser();
        var lines = Transcript.Split('\n').TakeWhile(l => !l.StartsWith("progress=", StringComparison.Ordinal));

        Assert.All(lines, line => Assert.Null(parser.Accept(line)));
    }

    [Fact]
    public void Out_time_ms_is_read_as_microseconds()
    {
        var snapshots = Feed(new FfmpegProgressParser(), "out_time_ms=2500000\nprogress=continue");

        Assert.Equal(2.5, Assert.Single(snapshots).OutTimeSeconds);
    }

    [Fact]
    public void Malformed_values_are_ignored_and_earlier_values_kept()
    {
        var parser = new FfmpegProgressParser();
        Feed(parser, "frame=10\nout_time_us=1000000\nspeed=2x\nprogress=continue");

        var snapshots = Feed(parser, "frame=ten\nout_time_us=N/A\nout_time_ms=-9223372036854775807\nspeed=fast\nprogress=continue");

        Assert.Equal(new FfmpegProgress(1, 10, 2, IsEnd: false), Assert.Single(snapshots));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no equals sign here")]
    [InlineData("=progress")]
    [InlineData("unknown_key=1")]
    public void Lines_that_are_not_progress_keys_are_ignored(string line)
    {
        var parser = new FfmpegProgressParser();

        Assert.Null(parser.Accept(line));
        Assert.Equal(new FfmpegProgress(0, 0, 0, IsEnd: false), parser.Accept("progress=continue"));
    }

    [Fact]
    public void Only_progress_end_marks_the_end()
    {
        var parser = new FfmpegProgressParser();

        Assert.False(parser.Accept("progress=continue")?.IsEnd);
        Assert.True(parser.Accept("progress=end")?.IsEnd);
    }
}
