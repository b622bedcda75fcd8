using System.Globalization;

namespace Highlights.Grains.Actor;

/// <summary>
/// The memory and time one stage may use. <see cref="Exceeded"/> is the pure rule; <see cref="Watch"/> applies it
/// to a running stage, cancelling it (stages honour cancellation) so the video fails instead of the host.
/// </summary>
public sealed class StageBudget(long maxResidentBytes, IReadOnlyDictionary<string, TimeSpan> timeLimits, TimeSpan checkInterval, Func<long> residentBytes)
{
    /// <summary>No limits: for hosts and tests that do not configure any.</summary>
    public static StageBudget Unlimited { get; } = new(long.MaxValue, new Dictionary<string, TimeSpan>(), Timeout.InfiniteTimeSpan, () => 0);

    public long MaxResidentBytes { get; } = maxResidentBytes;

    public static StageBudget From(StageBudgetOptions options)
    {
        var max = options.MaxMemoryMegabytes > 0
            ? options.MaxMemoryMegabytes * 1024L * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;
        return new StageBudget(max, new Dictionary<string, TimeSpan>(options.TimeLimits, StringComparer.OrdinalIgnoreCase), options.CheckInterval, () => Environment.WorkingSet);
    }

    /// <returns>Why the stage must stop, or null while it is within its budget.</returns>
    public string? Exceeded(string stage, TimeSpan elapsed, long resident)
    {
        if (resident > MaxResidentBytes)
        {
            return $"stage {stage} stopped: the process grew to {Megabytes(resident)} MB, over the budget of {Megabytes(MaxResidentBytes)} MB (Stages:MaxMemoryMegabytes); the input needs more than this host allows";
        }

        return timeLimits.TryGetValue(stage, out var limit) && elapsed > limit
            ? $"stage {stage} stopped: it ran longer than its limit of {limit} (Stages:TimeLimits:{stage}); the input needs more than this host allows"
            : null;
    }

    /// <summary>Starts checking a stage that has just begun; dispose it when the stage ends.</summary>
    public StageWatchdog Watch(string stage, TimeProvider time, CancellationToken cancellationToken) =>
        new(this, stage, time, checkInterval, residentBytes, cancellationToken);

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);
}
