using System.Diagnostics;

namespace Highlights.Silo.Metrics;

/// <summary>The standard <c>process_*</c> series every Prometheus client exports, so generic dashboards work.</summary>
internal static class ProcessMetrics
{
    public static IEnumerable<MetricFamily> Collect()
    {
        using var process = Process.GetCurrentProcess();
        yield return Single("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", MetricKind.Counter, process.TotalProcessorTime.TotalSeconds);
        yield return Single("process_resident_memory_bytes", "Resident memory size in bytes.", MetricKind.Gauge, process.WorkingSet64);
        yield return Single("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", MetricKind.Gauge,
            new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        if (Directory.Exists("/proc/self/fd"))
        {
            yield return Single("process_open_fds", "Number of open file descriptors.", MetricKind.Gauge, Directory.GetFileSystemEntries("/proc/self/fd").Length);
        }
    }

    private static MetricFamily Single(string name, string help, MetricKind kind, double value) =>
        new(name, help, kind, [new MetricSeries([], value)]);
}
