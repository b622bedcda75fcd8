namespace Highlights.Grains.Edl;

/// <summary>
/// The reel's loudness target and what the first pass measured over the whole source (ffmpeg ebur128's integrated
/// loudness and its gate threshold, true peak and loudness range; the offset is zero since linear loudnorm ignores it,
/// kept because EDL v1 carries it).
/// </summary>
public sealed record LoudnessSettings(double TargetLufs, double TruePeakDbtp, LoudnessMeasurement Measured);

public sealed record LoudnessMeasurement(double IntegratedLufs, double TruePeakDbtp, double RangeLu, double ThresholdLufs, double OffsetLu);
