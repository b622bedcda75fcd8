namespace Highlights.Whisper.Native;

/// <summary><c>enum ggml_log_level</c>, the level whisper.cpp's log callback receives.</summary>
internal enum GgmlLogLevel
{
    None = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,

    /// <summary>More text for the previous message, at its level.</summary>
    Cont = 5,
}
