using Highlights.Grains.Captions;

namespace Highlights.Cli.Transcription;

/// <summary>What <c>highlights transcribe --format json</c> writes: the source, how it was transcribed, and the segments with their words.</summary>
public sealed record TranscriptDocument(string Source, double DurationSeconds, string Model, string? Language, int Windows, IReadOnlyList<Cue> Segments);
