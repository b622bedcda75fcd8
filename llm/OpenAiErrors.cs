using System.ClientModel;
using System.Globalization;
using Highlights.Grains.Llm;

namespace Highlights.Llm;

/// <summary>Maps the SDK's HTTP failures to <see cref="LlmCallException"/>: which ones are worth retrying, and after how long.</summary>
public static class OpenAiErrors
{
    public static LlmCallException From(ClientResultException exception)
    {
        var status = exception.Status;
        var kind = status switch
        {
            429 => LlmFailureKind.RateLimited,
            >= 500 => LlmFailureKind.ServerError,
            0 => LlmFailureKind.Network,
            _ => LlmFailureKind.Rejected,
        };
        var response = exception.GetRawResponse();
        var retryAfter = response is not null && response.Headers.TryGetValue("Retry-After", out var header) ? RetryAfter(header, DateTimeOffset.UtcNow) : null;
        var what = status == 0 ? FirstLine(exception.Message) : $"HTTP {status}: {FirstLine(exception.Message)}";
        return new LlmCallException(kind, $"openai: {what}", status == 0 ? null : status, retryAfter, exception);
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(string? header, DateTimeOffset now)
    {
        if (double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at > now ? at - now : null;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
