namespace Highlights.Grains.Edl;

/// <summary>Snaps times to the source's frame grid, so a cut lands on a frame and never splits one.</summary>
public readonly record struct FrameGrid(double Fps)
{
    public long FrameAt(double seconds) => (long)Math.Round(seconds * Fps, MidpointRounding.AwayFromZero);

    public double TimeOf(long frame) => Math.Round(frame / Fps, 6);

    /// <summary>Last whole frame that starts before <paramref name="durationSeconds"/>, plus one: the end boundary of the source.</summary>
    public long EndFrame(double durationSeconds) => (long)Math.Floor((durationSeconds * Fps) + 1e-6);
}
