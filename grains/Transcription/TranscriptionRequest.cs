namespace Highlights.Grains.Transcription;

/// <summary>Long audio to transcribe: a 16 kHz float PCM file, its length, the settings, and the checkpoint of an interrupted run if any.</summary>
public sealed record TranscriptionRequest(string PcmPath, long SampleCount, TranscriptionSettings Settings, TranscriptionCheckpoint? Resume);
