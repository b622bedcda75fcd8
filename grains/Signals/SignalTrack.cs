namespace Highlights.Grains.Signals;

/// <summary>The series of a <see cref="SignalTimeline"/>, named as in signals.json.</summary>
public enum SignalTrack
{
    AudioLoudness,
    AudioExcitement,
    SpeechRate,
    FaceCount,
    LargestFace,
    Smile,
    Motion,
    SceneCut,
    VisualReaction,
}
