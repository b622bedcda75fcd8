using System.Text.Json.Nodes;

namespace Highlights.Grains.Llm;

/// <summary>
/// For OpenAI-compatible servers older than <c>max_completion_tokens</c> (<c>Llm:MaxTokensField=max_tokens</c>): they
/// ignore it, which would leave replies uncapped and the budget check meaningless. SK's connector always writes the new
/// field, so the request body is rewritten on its way out.
/// </summary>
public sealed class LegacyMaxTokensHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && await JsonNode.ParseAsync(await content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken) is JsonObject body
            && body.Remove("max_completion_tokens", out var cap))
        {
            body["max_tokens"] = cap;
            var rewritten = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            foreach (var header in content.Headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
            {
                rewritten.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = rewritten;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
