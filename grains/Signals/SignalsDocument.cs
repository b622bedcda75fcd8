namespace Highlights.Grains.Signals;

/// <summary>
/// signals.json (docs/signals.md, docs/signals-v1.schema.json) and the signals stage's checkpoint. Step i of every
/// series covers [i*Step, (i+1)*Step) seconds; every series value is 0..1, scaled per video.
/// </summary>
public sealed record SignalsDocument(
    int Version,
    string VideoId,
    double Duration,
    double Step,
    int Steps,
    SignalInputs Inputs,
    SignalSeries Series,
    SignalScales Scales,
    IReadOnlyList<SignalEvent> Events)
{
    public const int CurrentVersion = 1;
}

/// <summary>What the series were measured from. Without audio the audio series are all 0; without frames the visual ones are.</summary>
/// <param name="Mode">How the visual series were measured: <c>full</c> (every frame at the frame rate) or <c>coarse-to-fine</c>.</param>
/// <param name="FineWindows">Coarse-to-fine: the spans measured at the full frame rate; elsewhere the series come from packet sizes and keyframes.</param>
/// <param name="Keyframes">Coarse-to-fine: keyframes searched for faces by the coarse pass.</param>
public sealed record SignalInputs(
    bool HasAudio,
    bool HasTranscript,
    int Frames,
    double FrameRate,
    double FaceRate,
    int FrameWidth,
    int FrameHeight,
    string Mode = SignalsModes.Full,
    IReadOnlyList<SignalWindow>? FineWindows = null,
    int? Keyframes = null);

/// <summary>A span of the source in seconds.</summary>
public sealed record SignalWindow(double Start, double End);

/// <summary>
/// One value per step. <see cref="SpeechRate"/> is null (absent from the JSON) when there is no transcript;
/// <see cref="SceneCut"/> is 1 for a step holding a cut, else 0.
/// </summary>
public sealed record SignalSeries(
    float[] AudioLoudness,
    float[] AudioExcitement,
    float[]? SpeechRate,
    float[] FaceCount,
    float[] LargestFace,
    float[] Smile,
    float[] Motion,
    float[] SceneCut,
    float[] VisualReaction);

/// <summary>
/// The raw value each scaled series maps to 1 in this video: words per second, faces, face height over frame height,
/// smile score, mean absolute frame difference (0..1 of full scale). A reader can turn 0..1 back into units.
/// </summary>
public sealed record SignalScales(double SpeechRate, double FaceCount, double LargestFace, double Smile, double Motion);
