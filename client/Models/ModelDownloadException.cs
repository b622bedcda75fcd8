namespace Highlights.Cli.Models;

/// <summary>A model download failed or did not match its published hash; nothing was installed. The message says what to do.</summary>
public sealed class ModelDownloadException : Exception
{
    public ModelDownloadException(string message)
        : base(message)
    {
    }

    public ModelDownloadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
