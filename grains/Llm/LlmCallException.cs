namespace Highlights.Grains.Llm;

/// <summary>A chat call that did not produce a reply. <see cref="IsTransient"/> failures are retried; the rest stop the stage.</summary>
public sealed class LlmCallException(LlmFailureKind kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public LlmFailureKind Kind { get; } = kind;

    public int? StatusCode { get; } = statusCode;

    /// <summary>The provider's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => Kind != LlmFailureKind.Rejected;
}
