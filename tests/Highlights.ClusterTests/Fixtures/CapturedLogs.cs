using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>Keeps every log entry of an in-process host, so a test can assert that nothing was logged as an error.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> entries = new();

    public IReadOnlyList<string> Errors =>
        [.. entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}")];

    /// <summary>Every entry kept (warnings and up), to check that nothing secret was logged.</summary>
    public IReadOnlyList<string> All => [.. entries.Select(e => $"{e.Category}: {e.Message}")];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : $" {exception.GetType().Name}: {exception.Message}")));
    }
}
