using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Whisper.net.Logger;

namespace Highlights.Silo.Transcription;

/// <summary>
/// Routes whisper.cpp's log (through Whisper.net's process-wide hook) to an <see cref="ILogger"/>. The hook is
/// installed once; only the target changes. whisper.cpp logs every hyper-parameter of a model at INFO, which at
/// Information would drown the pipeline's own log, so INFO becomes Debug; warnings and errors keep their level.
/// </summary>
internal static partial class WhisperLogBridge
{
    private static readonly Lock Gate = new();
    private static ILogger target = NullLogger.Instance;
    private static IDisposable? hook;

    public static void RouteTo(ILogger logger)
    {
        lock (Gate)
        {
            Volatile.Write(ref target, logger);
            hook ??= LogProvider.AddLogger(Write);
        }
    }

    internal static LogLevel ToLogLevel(WhisperLogLevel level) => level switch
    {
        WhisperLogLevel.Error => LogLevel.Error,
        WhisperLogLevel.Warning => LogLevel.Warning,
        _ => LogLevel.Debug,
    };

    private static void Write(WhisperLogLevel level, string? message)
    {
        var line = message?.TrimEnd();
        var logger = Volatile.Read(ref target);
        if (!string.IsNullOrEmpty(line))
        {
            Log(logger, ToLogLevel(level), line);
        }
    }

    [LoggerMessage(Message = "{NativeMessage}")]
    private static partial void Log(ILogger logger, LogLevel level, string nativeMessage);
}
