using Highlights.Grains.Edl;

namespace Highlights.Grains.Loudness;

/// <summary>
/// Checkpoint of the loudness stage: the whole source's loudness, measured once. <see cref="Measured"/> is null when
/// there is no sound to measure (no audio stream, or silence), and <see cref="Note"/> says which.
/// </summary>
public sealed record LoudnessResult(LoudnessMeasurement? Measured, string? Note);
