namespace Highlights.Grains.Audio;

/// <summary>
/// Checkpoint of the audio stage: 32-bit float mono PCM extracted once and shared by every later audio stage.
/// <see cref="FileName"/> is relative to the video's work directory; absent when the source has no audio.
/// </summary>
public sealed record PcmAudio(bool Present, string? FileName, int SampleRate, long SampleCount)
{
    public const int WhisperSampleRate = 16_000;

    public static PcmAudio None { get; } = new(false, null, WhisperSampleRate, 0);

    public double DurationSeconds => SampleCount / (double)SampleRate;
}
