using System.Text;
using Highlights.Whisper.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Highlights.Whisper;

/// <summary>
/// Routes whisper.cpp's and ggml's log output (stderr by default) to an <see cref="ILogger"/>. The native hook is
/// process-wide, so it is installed once and only the target logger changes. Messages arrive in pieces
/// (a level, then <c>CONT</c> pieces) and are logged one whole line at a time.
/// </summary>
internal static unsafe partial class WhisperNativeLog
{
    private static readonly Lock Gate = new();
    private static readonly StringBuilder Pending = new();
    private static LogLevel pendingLevel = LogLevel.Debug;
    private static ILogger target = NullLogger.Instance;

    public static void Install() => Interop.whisper_log_set(&OnLog, nint.Zero);

    public static void RouteTo(ILogger logger) => Volatile.Write(ref target, logger);

    /// <summary>
    /// whisper.cpp logs every hyper-parameter of a model at INFO; at Information that would drown the pipeline's
    /// own log, so INFO becomes Debug and DEBUG becomes Trace. Warnings and errors keep their level.
    /// </summary>
    internal static LogLevel ToLogLevel(GgmlLogLevel level, LogLevel previous) => level switch
    {
        GgmlLogLevel.Error => LogLevel.Error,
        GgmlLogLevel.Warn => LogLevel.Warning,
        GgmlLogLevel.Info => LogLevel.Debug,
        GgmlLogLevel.Cont => previous,
        _ => LogLevel.Trace,
    };

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void OnLog(int level, byte* text, nint userData)
    {
        try
        {
            Append((GgmlLogLevel)level, NativeText.String(text));
        }
        catch (Exception)
        {
            // A failing logger must not unwind into whisper.cpp, which would end the process; the line is lost.
        }
    }

    private static void Append(GgmlLogLevel level, string text)
    {
        lock (Gate)
        {
            pendingLevel = ToLogLevel(level, pendingLevel);
            Pending.Append(text);
            var logger = Volatile.Read(ref target);
            int newline;
            while ((newline = IndexOfNewline()) >= 0)
            {
                var line = Pending.ToString(0, newline).TrimEnd();
                Pending.Remove(0, newline + 1);
                if (line.Length > 0)
                {
                    LogLine(logger, pendingLevel, line);
                }
            }
        }
    }

    private static int IndexOfNewline()
    {
        for (var i = 0; i < Pending.Length; i++)
        {
            if (Pending[i] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    [LoggerMessage(Message = "{Line}")]
    private static partial void LogLine(ILogger logger, LogLevel level, string line);
}
