using Highlights.Grains.Captions;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Sidecars;

public sealed class SidecarCaptionsTests
{
    private const string Video = "/videos/talk.mp4";

    [Fact]
    public void A_caption_file_named_exactly_like_the_video_wins()
    {
        Assert.Equal("/videos/talk.srt", SidecarCaptions.Choose(Video, ["talk.fr.srt", "talk.en.vtt", "talk.srt", "other.srt", "talk.mp4"]));
    }

    [Fact]
    public void Without_an_exact_name_an_english_track_wins()
    {
        Assert.Equal("/videos/talk.en-US.srt", SidecarCaptions.Choose(Video, ["talk.de.srt", "talk.en-US.srt", "talk.fr.vtt"]));
    }

    [Fact]
    public void Among_other_languages_the_first_name_in_ordinal_order_wins()
    {
        Assert.Equal("/videos/talk.de.vtt", SidecarCaptions.Choose(Video, ["talk.fr.srt", "talk.es.srt", "talk.de.vtt"]));
    }

    [Fact]
    public void With_both_exact_srt_and_vtt_the_choice_is_deterministic()
    {
        Assert.Equal("/videos/talk.srt", SidecarCaptions.Choose(Video, ["talk.vtt", "talk.srt"]));
        Assert.Equal("/videos/talk.srt", SidecarCaptions.Choose(Video, ["talk.srt", "talk.vtt"]));
    }

    [Fact]
    public void Caption_extensions_are_matched_case_insensitively()
    {
        Assert.Equal("/videos/talk.SRT", SidecarCaptions.Choose(Video, ["talk.SRT"]));
    }

    [Theory]
    [InlineData("talk.txt")]
    [InlineData("talkshow.srt")]
    [InlineData("other.en.srt")]
    [InlineData("Talk.srt")]
    [InlineData("talk.mp4")]
    public void Files_that_are_not_this_videos_captions_are_ignored(string sibling)
    {
        Assert.Null(SidecarCaptions.Choose(Video, [sibling]));
    }

    [Fact]
    public void No_siblings_mean_no_captions()
    {
        Assert.Null(SidecarCaptions.Choose(Video, []));
    }

    [Fact]
    public void Find_looks_in_the_videos_directory()
    {
        using var temp = new TempDirectory();
        var video = Path.Combine(temp.Path, "clip.mkv");
        File.WriteAllText(video, "x");
        File.WriteAllText(Path.Combine(temp.Path, "clip.en.vtt"), "WEBVTT\n");
        File.WriteAllText(Path.Combine(temp.Path, "clip.txt"), "notes");

        Assert.Equal(Path.Combine(temp.Path, "clip.en.vtt"), SidecarCaptions.Find(video));
    }
}
