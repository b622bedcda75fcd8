using System.Text.Json.Serialization;

namespace Highlights.Grains.State;

/// <summary>
/// Everything that changes what the pipeline produces for one source. Part of the video id, so
/// a different target or caption file is a different video with its own checkpoints.
/// </summary>
public sealed record ProcessingOptions
{
    public double TargetSeconds { get; init; } = 60;

    /// <summary>Caption file given explicitly; sidecars found next to the input are resolved at the transcript stage.</summary>
    public string? CaptionsPath { get; init; }

    /// <summary>SHA-256 of <see cref="CaptionsPath"/> so an edited caption file is a new video.</summary>
    public string? CaptionsSha256 { get; init; }

    /// <summary>Accept PQ/HLG input and tone-map it to BT.709 SDR instead of rejecting it.</summary>
    public bool ToneMapHdr { get; init; }

    /// <summary>The LLM that picks the highlights; null selects offline. Another model is another video.</summary>
    public LlmChoice? Llm { get; init; }

    /// <summary>Framing, loudness, transitions and captions asked for this video; null takes the <c>Render</c> options.</summary>
    public ReelChoices? Reel { get; init; }

    /// <summary>
    /// USD this video may spend on LLM calls over all its runs; null takes <c>Llm:VideoBudgetUsd</c>. Not part of the
    /// identity, so a video stopped at its budget continues, without paying again, when run with a larger one.
    /// </summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>What a run does when the budget is reached; null takes <c>Llm:OnBudgetExceeded</c>. Not part of the identity.</summary>
    public BudgetAction? OnBudgetExceeded { get; init; }

    /// <summary>The options that decide which video this is: run-time limits and the caption file's path (its hash counts) are left out.</summary>
    public ProcessingOptions IdentityOnly() => this with { CaptionsPath = null, BudgetUsd = null, OnBudgetExceeded = null, AllowNoTranscript = false };

    // The Whisper options below are left out of the id's JSON at their defaults, so videos processed before they
    // existed keep their ids (and checkpoints).

    /// <summary>Whisper model (catalog name or file) given with <c>--model</c>; null uses the configured <c>Whisper:Model</c>.</summary>
    public string? WhisperModel { get; init; }

    /// <summary>Transcribe the audio with Whisper even when captions exist.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ForceWhisper { get; init; }

    /// <summary>
    /// When Whisper cannot run (no model, no library), go on without a transcript instead of stopping. Not part of the
    /// identity: it decides only the transcript stage, whose checkpoint says whether it needed the permission.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AllowNoTranscript { get; init; }
}
