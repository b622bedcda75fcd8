using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Transcription;

namespace Highlights.Cli.Output;

/// <summary>
/// The <c>report.json</c> written beside the EDL: what ran, what came from checkpoints, what to know about the result,
/// and, with an LLM, what it cost and whether the budget was reached.
/// </summary>
public sealed record RunReport(
    string VideoId,
    string Source,
    double SourceSeconds,
    string Status,
    bool Resumed,
    IReadOnlyList<StageReport> Stages,
    IReadOnlyList<string> Warnings,
    TranscriptReport Transcript,
    bool HasAudio,
    OutputsReport Outputs,
    TimingReport Timing,
    LlmSelectionSummary? Llm = null);

public sealed record StageReport(string Name, string Status, double Seconds);

/// <summary><see cref="Whisper"/> says how speech recognition ran (windows done now and taken from a checkpoint), when it did.</summary>
public sealed record TranscriptReport(TranscriptSource Source, string? Origin, int Cues, int SkippedCues, TranscriptionRun? Whisper);

/// <param name="Picture">The reel's size, and for a crop where it comes from (<see cref="ReelPicture"/>).</param>
public sealed record OutputsReport(string Edl, string Render, string Report, int Segments, double EdlSeconds, double RenderSeconds, double TargetSeconds, string Picture);

/// <summary>Wall time of this run against the source duration; a resumed run only counts what it did.</summary>
public sealed record TimingReport(double WallSeconds, double SecondsPerSourceSecond);
