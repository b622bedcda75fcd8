namespace Highlights.Grains.Actor;

/// <summary>Exponential backoff between runs of a failing video: <c>first × 2^(tries-1)</c>, capped.</summary>
public static class RetryBackoff
{
    /// <param name="tries">Runs so far, counting the one that just failed (1 for the first failure).</param>
    public static TimeSpan Delay(int tries, TimeSpan first, TimeSpan max)
    {
        if (tries < 1 || first <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Doubling past 2^20 only matters for overflow: the cap is long reached.
        var factor = Math.Pow(2, Math.Min(tries - 1, 20));
        var delay = first.TotalMilliseconds * factor;
        return delay >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(delay);
    }
}
