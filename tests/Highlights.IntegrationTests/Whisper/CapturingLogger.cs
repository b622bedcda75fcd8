using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>Keeps every line logged to it, for asserting what whisper.cpp said; as a provider it is every category's logger.</summary>
internal sealed class CapturingLogger : ILogger, ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}
