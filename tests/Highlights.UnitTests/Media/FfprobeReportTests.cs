using Highlights.Grains.Media;

namespace Highlights.UnitTests.Media;

public sealed class FfprobeReportTests
{
    private const string Mp4 = """
        {
            "streams": [
                {
                    "index": 0, "codec_name": "h264", "profile": "High", "codec_type": "video", "width": 1280, "height": 720,
                    "pix_fmt": "yuv420p", "color_range": "tv", "color_space": "bt709", "color_transfer": "bt709", "color_primaries": "bt709",
                    "r_frame_rate": "30000/1001", "avg_frame_rate": "30000/1001", "time_base": "1/30000", "duration": "12.012000",
                    "disposition": { "default": 1, "attached_pic": 0 }, "tags": { "language": "und", "handler_name": "VideoHandler" }
                },
                {
                    "index": 1, "codec_name": "aac", "codec_type": "audio", "sample_fmt": "fltp", "sample_rate": "48000", "channels": 2,
                    "channel_layout": "stereo", "duration": "12.000000", "disposition": { "default": 1, "attached_pic": 0 },
                    "tags": { "language": "eng" }
                },
                {
                    "index": 2, "codec_name": "mov_text", "codec_type": "subtitle", "duration": "11.500000",
                    "disposition": { "default": 0, "attached_pic": 0 }, "tags": { "language": "eng" }
                }
            ],
            "format": {
                "filename": "talk.mp4", "nb_streams": 3, "format_name": "mov,mp4,m4a,3gp,3g2,mj2", "start_time": "0.000000",
                "duration": "12.012000", "size": "1234567", "bit_rate": "822000", "probe_score": 100
            }
        }
        """;

    private const string Mp3WithCoverArt = """
        {
            "streams": [
                { "index": 0, "codec_name": "mp3", "codec_type": "audio", "sample_rate": "44100", "channels": 2, "duration": "215.3",
                  "disposition": { "default": 0, "attached_pic": 0 } },
                { "index": 1, "codec_name": "mjpeg", "codec_type": "video", "width": 600, "height": 600, "pix_fmt": "yuvj420p",
                  "r_frame_rate": "90000/1", "avg_frame_rate": "0/0", "disposition": { "default": 0, "attached_pic": 1 },
                  "tags": { "comment": "Cover (front)" } }
            ],
            "format": { "format_name": "mp3", "duration": "215.300000" }
        }
        """;

    private const string HdrMkvWithoutFormatDuration = """
        {
            "streams": [
                { "index": 0, "codec_name": "hevc", "codec_type": "video", "width": 3840, "height": 2160, "pix_fmt": "yuv420p10le",
                  "color_range": "tv", "color_space": "bt2020nc", "color_transfer": "smpte2084", "color_primaries": "bt2020",
                  "r_frame_rate": "24000/1001", "avg_frame_rate": "0/0", "duration": "9.500000" },
                { "index": 1, "codec_name": "opus", "codec_type": "audio", "sample_rate": "48000", "channels": 6, "duration": "10.020000" }
            ],
            "format": { "format_name": "matroska,webm", "duration": "N/A" }
        }
        """;

    [Fact]
    public void An_mp4_with_video_audio_and_subtitles_is_described()
    {
        var info = FfprobeReport.Read(Mp4);

        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", info.FormatName);
        Assert.Equal(12.012, info.DurationSeconds);
        Assert.Equal(new VideoStreamInfo(0, "h264", 1280, 720, 30000.0 / 1001, "yuv420p", "bt709", "bt709", "bt709", "tv"), info.Video);
        Assert.False(info.Video?.IsHdr);
        Assert.Equal(new AudioStreamInfo(1, "aac", 48000, 2), info.Audio);
        var subtitle = Assert.Single(info.Subtitles);
        Assert.Equal(new SubtitleStreamInfo(2, "mov_text", "eng"), subtitle);
        Assert.True(subtitle.IsText);
    }

    [Fact]
    public void Cover_art_in_an_audio_file_is_not_a_video_stream()
    {
        var info = FfprobeReport.Read(Mp3WithCoverArt);

        Assert.Null(info.Video);
        Assert.Equal(new AudioStreamInfo(0, "mp3", 44100, 2), info.Audio);
        Assert.Equal(215.3, info.DurationSeconds);
    }

    [Fact]
    public void A_pq_stream_is_hdr_and_its_frame_rate_falls_back_to_r_frame_rate()
    {
        var video = FfprobeReport.Read(HdrMkvWithoutFormatDuration).Video;

        Assert.NotNull(video);
        Assert.True(video.IsHdr);
        Assert.Equal("smpte2084", video.ColorTransfer);
        Assert.Equal(24000.0 / 1001, video.FrameRate);
    }

    [Fact]
    public void Without_a_format_duration_the_longest_stream_duration_is_used()
    {
        Assert.Equal(10.02, FfprobeReport.Read(HdrMkvWithoutFormatDuration).DurationSeconds);
    }

    [Fact]
    public void Without_any_duration_the_duration_is_zero()
    {
        var info = FfprobeReport.Read("""{ "streams": [ { "index": 0, "codec_type": "video", "codec_name": "h264", "width": 2, "height": 2 } ], "format": {} }""");

        Assert.Equal(0, info.DurationSeconds);
        Assert.Equal("unknown", info.FormatName);
    }

    [Fact]
    public void An_hlg_stream_is_hdr()
    {
        var info = FfprobeReport.Read("""{ "streams": [ { "index": 0, "codec_type": "video", "codec_name": "hevc", "width": 1920, "height": 1080, "color_transfer": "arib-std-b67" } ] }""");

        Assert.True(info.Video?.IsHdr);
    }

    [Fact]
    public void Output_with_no_streams_has_no_video_audio_or_subtitles()
    {
        var info = FfprobeReport.Read("""{ "format": { "format_name": "tty", "duration": "3.0" } }""");

        Assert.Null(info.Video);
        Assert.Null(info.Audio);
        Assert.Empty(info.Subtitles);
        Assert.Equal(3, info.DurationSeconds);
    }

    [Fact]
    public void A_bitmap_subtitle_is_not_text()
    {
        var info = FfprobeReport.Read("""{ "streams": [ { "index": 3, "codec_type": "subtitle", "codec_name": "hdmv_pgs_subtitle" } ] }""");

        var subtitle = Assert.Single(info.Subtitles);
        Assert.False(subtitle.IsText);
        Assert.Null(subtitle.Language);
    }

    [Theory]
    [InlineData("30000/1001", 30000.0 / 1001)]
    [InlineData("24000/1001", 24000.0 / 1001)]
    [InlineData("25/1", 25)]
    [InlineData("25", 25)]
    [InlineData("59.94", 59.94)]
    [InlineData("0/0", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    [InlineData("abc", 0)]
    public void Frame_rates_are_parsed_from_ffprobe_fractions(string? rate, double expected)
    {
        Assert.Equal(expected, FfprobeReport.FrameRate(rate), 9);
    }
}
