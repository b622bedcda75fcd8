namespace Highlights.Grains.Transcription;

/// <summary>Speech recognition cannot run here: no model file, a damaged one, or no engine. The message says how to fix it.</summary>
public sealed class TranscriberUnavailableException : Exception
{
    public TranscriberUnavailableException(string message)
        : base(message)
    {
    }

    public TranscriberUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
