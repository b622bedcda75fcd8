namespace Highlights.Grains.Llm;

public enum LlmFailureKind
{
    /// <summary>HTTP 429: refused before any work, so not billed; worth retrying after a pause.</summary>
    RateLimited,

    /// <summary>HTTP 5xx: the provider failed; it may or may not have billed the call.</summary>
    ServerError,

    /// <summary>No reply within the request timeout; the provider may still bill the call.</summary>
    Timeout,

    /// <summary>The connection failed or broke.</summary>
    Network,

    /// <summary>Any other 4xx (bad key, unknown model, bad request): retrying cannot help.</summary>
    Rejected,
}
