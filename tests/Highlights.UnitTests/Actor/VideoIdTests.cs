using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Actor;

public sealed class VideoIdTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly ProcessingOptions Base = new() { TargetSeconds = 60, CaptionsPath = "/a/talk.srt", CaptionsSha256 = "c1" };

    [Fact]
    public void The_same_source_and_options_give_the_same_id()
    {
        Assert.Equal(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { }));
    }

    [Fact]
    public void An_id_is_twenty_lower_case_hex_characters()
    {
        Assert.Matches("^[0-9a-f]{20}$", VideoId.For(Sha, Base));
    }

    [Fact]
    public void A_different_source_hash_gives_a_different_id()
    {
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For("0" + Sha[1..], Base));
    }

    [Fact]
    public void A_different_target_gives_a_different_id()
    {
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { TargetSeconds = 30 }));
    }

    [Fact]
    public void Allowing_no_transcript_keeps_the_id_so_probe_and_audio_are_not_redone()
    {
        Assert.Equal(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { AllowNoTranscript = true }));
    }

    [Fact]
    public void Tone_mapping_gives_a_different_id()
    {
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { ToneMapHdr = true }));
    }

    [Fact]
    public void A_different_caption_hash_gives_a_different_id()
    {
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { CaptionsSha256 = "c2" }));
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { CaptionsSha256 = null }));
    }

    [Fact]
    public void Whisper_choices_give_a_different_id()
    {
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { WhisperModel = "small.en" }));
        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { ForceWhisper = true }));
    }

    [Fact]
    public void Videos_processed_before_the_whisper_options_existed_keep_their_ids()
    {
        // SHA-256 of "{Sha}\n{\"target_seconds\":60,\"captions_sha256\":\"c1\",\"tone_map_hdr\":false}", the identity before them.
        Assert.Equal("ae2a91e521c507637f52", VideoId.For(Sha, Base));
    }

    [Fact]
    public void The_caption_path_alone_does_not_change_the_id()
    {
        Assert.Equal(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { CaptionsPath = "/elsewhere/copy-of-talk.srt" }));
        Assert.Equal(VideoId.For(Sha, Base), VideoId.For(Sha, Base with { CaptionsPath = null }));
    }

    [Fact]
    public void Another_llm_or_model_gives_a_different_id_but_the_budget_does_not()
    {
        var llm = Base with { Llm = new LlmChoice("openai", "gpt-4.1-mini") };

        Assert.NotEqual(VideoId.For(Sha, Base), VideoId.For(Sha, llm));
        Assert.NotEqual(VideoId.For(Sha, llm), VideoId.For(Sha, llm with { Llm = new LlmChoice("openai", "gpt-4.1") }));
        Assert.Equal(VideoId.For(Sha, llm), VideoId.For(Sha, llm with { BudgetUsd = 2m, OnBudgetExceeded = BudgetAction.Offline }));
    }
}
