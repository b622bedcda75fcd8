using System.Text.Json.Serialization;
using Highlights.Grains.Transcription;

namespace Highlights.Grains.Captions;

public enum TranscriptSource
{
    None,
    Sidecar,
    Embedded,
    Whisper,
}

/// <summary>
/// Checkpoint of the transcript stage. Cues are sorted by start. <see cref="SkippedCues"/> counts cues the
/// parser dropped as malformed; <see cref="Note"/> says why there is no transcript, when there is none;
/// <see cref="Whisper"/> says how speech recognition ran, when it did. <see cref="OnlyAsAllowed"/> marks a transcript
/// missing only because <c>--allow-no-transcript</c> let the run go on without a model: a run without it does the stage again.
/// </summary>
public sealed record Transcript(
    TranscriptSource Source,
    string? Origin,
    IReadOnlyList<Cue> Cues,
    int SkippedCues,
    string? Note,
    TranscriptionRun? Whisper = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OnlyAsAllowed { get; init; }

    public static Transcript Missing(string note) => new(TranscriptSource.None, null, [], 0, note);

    public bool HasCues => Cues.Count > 0;
}
