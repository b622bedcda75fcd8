using System.Text.Json.Serialization;
using Highlights.Grains.Llm;
using Highlights.Grains.Selection;

namespace Highlights.Grains.Edl;

/// <summary>
/// The edit decision list, version 1: what to cut from which source and how to render it.
/// Its JSON form is specified by docs/edl-v1.schema.json; change both together. <see cref="ReelDuration"/> is the
/// rendered reel's length: <see cref="TotalDuration"/> less the crossfade overlaps.
/// </summary>
public sealed record EdlDocument(
    int Version,
    string VideoId,
    EdlSource Source,
    double TargetDuration,
    double TotalDuration,
    EdlSelector Selector,
    IReadOnlyList<EdlSegment> Segments,
    RenderSettings Render,
    LlmCost? Cost = null,
    double? ReelDuration = null)
{
    public const int CurrentVersion = 1;
}

public sealed record EdlSource(string Path, string Sha256, double Duration, int Width, int Height, double Fps, bool HasAudio);

/// <summary>How the segments were chosen; <see cref="Llm"/> only when an LLM took part.</summary>
public sealed record EdlSelector(string Method, string Version, IReadOnlyList<string> Notes, EdlLlm? Llm = null);

/// <summary>The LLM side of a selection: which model and prompts, how the chunks went, and the budget.</summary>
public sealed record EdlLlm(string Provider, string Model, string PromptVersion, string SettingsVersion, string PriceTableVersion, LlmChunkCounts Chunks, LlmBudgetReport Budget);

/// <summary>The LLM's own account of a segment it proposed.</summary>
public sealed record EdlPick(string Title, string Hook, string Reason, int Score, string Quote, int Chunk);

/// <summary>
/// A cut. Times are seconds on frame boundaries; frames are the same cut in source frame numbers. <see cref="Signals"/>
/// are the terms fused into <see cref="Score"/>; <see cref="Llm"/> is the pick when the LLM proposed the segment.
/// <see cref="Transition"/> joins it to the segment before (null: a cut); <see cref="Loudness"/> is its audio gain,
/// <see cref="Reframe"/> its crop path for vertical and square reels, <see cref="Cues"/> the transcript inside it.
/// </summary>
public sealed record EdlSegment(
    string Id,
    double Start,
    double End,
    long StartFrame,
    long EndFrame,
    double Score,
    IReadOnlyList<string> Reasons,
    string Text,
    SignalScores? Signals = null,
    EdlPick? Llm = null,
    EdlTransition? Transition = null,
    EdlSegmentLoudness? Loudness = null,
    EdlReframe? Reframe = null,
    IReadOnlyList<EdlCue>? Cues = null)
{
    // Rounded like the times themselves, so the written EDL never shows a float artefact such as 4.720000000000001.
    public double Duration => Math.Round(End - Start, 6);

    [JsonIgnore]
    public long Frames => EndFrame - StartFrame;

    /// <summary>Frames this segment shares with the one before it (a crossfade's overlap); zero after a cut.</summary>
    [JsonIgnore]
    public int OverlapFrames => Transition is { Type: TransitionKind.Crossfade } crossfade ? crossfade.Frames : 0;
}
