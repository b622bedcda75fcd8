namespace Highlights.Whisper;

/// <summary>The whisper.cpp shared library is missing, unloadable, or not whisper.cpp.</summary>
public sealed class WhisperLibraryException : WhisperException
{
    public WhisperLibraryException(string message)
        : base(message)
    {
    }

    public WhisperLibraryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
