namespace Highlights.Grains.Edl;

/// <summary>Snaps times to the source's frame grid, so a cut lands on a frame and never splits one.</summary>
public readonly record struct FrameGrid(double Fps)
{
    public long FrameAt(double seconds) => (long)Math.Round(seconds * Fps, MidpointRounding.AwayFromZero);

    public double TimeOf(long frame) => Math.Round(frame / Fps, 6);

    /// <summary>Last whole frame that starts before <paramref name="durationSeconds"/>, plus one: the end boundary of the source.</summary>
    public long EndFrame(double durationSeconds) => FrameAtOrBefore(durationSeconds);

    /// <summary>The frame boundary at or before <paramref name="seconds"/> (a time a micro-second short of one counts as on it).</summary>
    public long FrameAtOrBefore(double seconds) => (long)Math.Floor((seconds * Fps) + 1e-6);

    /// <summary>The frame boundary at or after <paramref name="seconds"/> (a time a micro-second past one counts as on it).</summary>
    public long FrameAtOrAfter(double seconds) => (long)Math.Ceiling((seconds * Fps) - 1e-6);
}
