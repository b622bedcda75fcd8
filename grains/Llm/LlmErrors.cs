using System.ClientModel;
using System.Globalization;
using Microsoft.SemanticKernel;

namespace Highlights.Grains.Llm;

/// <summary>Maps the connector's HTTP failures to <see cref="LlmCallException"/>: which ones are worth retrying, and after how long.</summary>
public static class LlmErrors
{
    public static LlmCallException From(HttpOperationException exception)
    {
        var status = (int?)exception.StatusCode ?? 0;
        var kind = status switch
        {
            429 => LlmFailureKind.RateLimited,
            >= 500 => LlmFailureKind.ServerError,
            0 => LlmFailureKind.Network,
            _ => LlmFailureKind.Rejected,
        };

        // SK keeps the OpenAI SDK's exception, and with it the response headers.
        var response = (exception.InnerException as ClientResultException)?.GetRawResponse();
        var retryAfter = response is not null && response.Headers.TryGetValue("Retry-After", out var header) ? RetryAfter(header, DateTimeOffset.UtcNow) : null;
        var what = status == 0 ? FirstLine(exception.Message) : $"HTTP {status}: {FirstLine(exception.InnerException?.Message ?? exception.Message)}";
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
