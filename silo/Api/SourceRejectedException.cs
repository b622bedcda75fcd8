namespace Highlights.Silo.Api;

/// <summary>A submitted path or upload cannot be accepted; the message is safe to show to the client.</summary>
public sealed class SourceRejectedException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
