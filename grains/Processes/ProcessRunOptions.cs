namespace Highlights.Grains.Processes;

public sealed record ProcessRunOptions
{
    /// <summary>Called for each stdout line as it arrives (ffmpeg's <c>-progress pipe:1</c> stream, for example).</summary>
    public Action<string>? OnOutputLine { get; init; }

    /// <summary>Keep stdout in <see cref="ProcessResult.StandardOutput"/> (ffprobe's JSON). Off for unbounded streams.</summary>
    public bool CaptureOutput { get; init; }

    public int ErrorTailLines { get; init; } = 40;

    /// <summary>After cancellation: how long SIGTERM is given before the process tree is killed.</summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(5);
}
