using System.Net;

namespace Highlights.Client;

/// <summary>The server answered with an error; <see cref="Exception.Message"/> is its problem details' title and detail.</summary>
public sealed class HighlightsApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
