namespace Highlights.Grains.Processes;

public sealed record ProcessRunOptions
{
    /// <summary>Called for each stdout line as it arrives (ffmpeg's <c>-progress pipe:1</c> stream, for example).</summary>
    public Action<string>? OnOutputLine { get; init; }

    /// <summary>Keep stdout in <see cref="ProcessResult.StandardOutput"/> (ffprobe's JSON). Off for unbounded streams.</summary>
    public bool CaptureOutput { get; init; }

    /// <summary>
    /// Receives stdout as raw bytes (video frames, PCM) instead of lines; <see cref="OnOutputLine"/> and
    /// <see cref="CaptureOutput"/> are then ignored. Whatever it leaves unread is drained. It should return normally at
    /// the end of the stream, even a short one: a child that fails then surfaces as <see cref="ProcessFailedException"/>.
    /// If it throws, the child is stopped at once and that exception propagates.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? OutputConsumer { get; init; }

    public int ErrorTailLines { get; init; } = 40;

    /// <summary>After cancellation: how long SIGTERM is given before the process tree is killed.</summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(5);
}
