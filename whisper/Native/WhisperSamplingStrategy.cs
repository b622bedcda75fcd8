namespace Highlights.Whisper.Native;

/// <summary><c>enum whisper_sampling_strategy</c>.</summary>
internal enum WhisperSamplingStrategy
{
    Greedy = 0,
    BeamSearch = 1,
}
