using Highlights.Grains.Media;
using Highlights.Grains.Probe;

namespace Highlights.UnitTests.Probe;

public sealed class ProbeRulesTests
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(6);

    private static readonly VideoStreamInfo Sdr = new(0, "h264", 1920, 1080, 25, "yuv420p", "bt709", "bt709", "bt709", "tv");

    private static readonly AudioStreamInfo Aac = new(1, "aac", 48000, 2);

    private static MediaInfo Media(VideoStreamInfo? video = null, AudioStreamInfo? audio = null, double duration = 120) =>
        new("mov,mp4,m4a,3gp,3g2,mj2", duration, video, audio, []);

    private static string? Reason(MediaInfo media, bool toneMap = false) => ProbeRules.RejectionReason(media, MaxDuration, toneMap);

    [Fact]
    public void A_plain_sdr_video_with_audio_is_accepted()
    {
        Assert.Null(Reason(Media(Sdr, Aac)));
    }

    [Fact]
    public void A_file_without_any_stream_is_rejected()
    {
        Assert.Equal("no video or audio stream", Reason(Media()));
    }

    [Fact]
    public void An_audio_only_file_is_rejected_as_audio_only()
    {
        Assert.Equal("no video stream (audio only)", Reason(Media(audio: Aac)));
    }

    [Fact]
    public void A_video_stream_without_a_picture_size_is_rejected()
    {
        Assert.Contains("no picture size", Reason(Media(Sdr with { Width = 0 }, Aac)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_zero_or_unknown_duration_is_rejected(double duration)
    {
        Assert.Contains("duration is unknown or zero", Reason(Media(Sdr, Aac, duration)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_longer_than_the_limit_is_rejected_naming_the_setting()
    {
        var reason = Reason(Media(Sdr, Aac, duration: (7 * 3600) + 90));

        Assert.Equal("duration 7:01:30 exceeds the limit of 6:00:00 (Probe:MaxDuration)", reason);
    }

    [Theory]
    [InlineData(9223372036854.775807)]
    [InlineData(double.PositiveInfinity)]
    public void An_absurd_duration_from_a_corrupt_header_is_rejected_as_too_long(double duration)
    {
        Assert.Contains("(Probe:MaxDuration)", Reason(Media(Sdr, Aac, duration)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_exactly_at_the_limit_is_accepted()
    {
        Assert.Null(Reason(Media(Sdr, Aac, duration: MaxDuration.TotalSeconds)));
    }

    [Theory]
    [InlineData("smpte2084", "PQ")]
    [InlineData("arib-std-b67", "HLG")]
    public void Hdr_video_is_rejected_unless_tone_mapping_is_asked_for(string transfer, string kind)
    {
        var hdr = Media(Sdr with { ColorTransfer = transfer, ColorPrimaries = "bt2020" }, Aac);

        var reason = Reason(hdr);

        Assert.NotNull(reason);
        Assert.Contains($"HDR video ({kind} transfer {transfer})", reason, StringComparison.Ordinal);
        Assert.Contains("--tone-map", reason, StringComparison.Ordinal);
        Assert.Null(Reason(hdr, toneMap: true));
    }

    [Fact]
    public void A_video_without_audio_is_accepted_with_a_warning()
    {
        var media = Media(Sdr);

        Assert.Null(Reason(media));
        Assert.Contains("no audio stream", Assert.Single(ProbeRules.Warnings(media)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_with_audio_has_no_warnings()
    {
        Assert.Empty(ProbeRules.Warnings(Media(Sdr, Aac)));
    }

    [Fact]
    public void A_target_longer_than_the_source_is_warned_about_once_the_length_is_known()
    {
        Assert.Contains("longer than the source (2 s)", ProbeRules.TargetWarning(2, 60), StringComparison.Ordinal);
        Assert.Null(ProbeRules.TargetWarning(120, 60));
    }
}
