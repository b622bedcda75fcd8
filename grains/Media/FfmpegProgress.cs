namespace Highlights.Grains.Media;

/// <summary>One block of ffmpeg's <c>-progress</c> output.</summary>
public sealed record FfmpegProgress(double OutTimeSeconds, long Frame, double Speed, bool IsEnd);
