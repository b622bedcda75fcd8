namespace Highlights.Grains.Edl;

/// <summary>
/// The reel's loudness target and what the first pass measured over the whole source (ffmpeg loudnorm's
/// input_i, input_tp, input_lra, input_thresh and target_offset).
/// </summary>
public sealed record LoudnessSettings(double TargetLufs, double TruePeakDbtp, LoudnessMeasurement Measured);

public sealed record LoudnessMeasurement(double IntegratedLufs, double TruePeakDbtp, double RangeLu, double ThresholdLufs, double OffsetLu);
