namespace Highlights.Whisper;

/// <summary>whisper.cpp could not do what was asked; the message says what, in words a user can act on.</summary>
public class WhisperException : Exception
{
    public WhisperException(string message)
        : base(message)
    {
    }

    public WhisperException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
