using System.ClientModel;
using System.ClientModel.Primitives;
using Highlights.Grains.Llm;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Highlights.Llm;

/// <summary>
/// <see cref="ILlmClient"/> over the official OpenAI SDK, for any OpenAI-compatible endpoint (OpenAI, Azure OpenAI,
/// Ollama, vLLM, llama.cpp server) by base URL. The SDK's own retries are off: the caller retries, so that every
/// attempt is checked against the budget and costed.
/// </summary>
public sealed class OpenAiLlmClient : ILlmClient
{
    /// <summary>Sent when no key is configured: local servers ignore it, and the SDK refuses an empty one.</summary>
    private const string NoKey = "none";

    private readonly LlmOptions options;
    private readonly Lazy<OpenAIClient> sdk;

    public OpenAiLlmClient(IOptions<LlmOptions> options)
    {
        this.options = options.Value;
        sdk = new Lazy<OpenAIClient>(() => Create(this.options));
    }

    public string Provider => LlmOptions.OpenAiProvider;

    public async Task<LlmReply> CompleteAsync(LlmRequest request, CancellationToken cancellationToken)
    {
        var chat = sdk.Value.GetChatClient(request.Model);
        try
        {
            var result = await chat.CompleteChatAsync(request.Messages.Select(ToSdk), CompletionOptions(request), cancellationToken);
            var completion = result.Value;
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            var usage = completion.Usage is { } used ? new LlmUsage(used.InputTokenCount, used.OutputTokenCount) : null;
            return new LlmReply(text, usage);
        }
        catch (ClientResultException ex)
        {
            throw OpenAiErrors.From(ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmCallException(LlmFailureKind.Network, $"openai: {ex.Message}", inner: ex);
        }
    }

    private ChatCompletionOptions CompletionOptions(LlmRequest request)
    {
        var completion = new ChatCompletionOptions();
        if (options.MaxTokensField == "max_tokens")
        {
            // Older OpenAI-compatible servers ignore max_completion_tokens, which would leave the reply uncapped and
            // the budget check meaningless; the SDK has no typed property for the old name, so it is patched in.
#pragma warning disable SCME0001
            completion.Patch.Set("$.max_tokens"u8, request.MaxOutputTokens);
#pragma warning restore SCME0001
        }
        else
        {
            completion.MaxOutputTokenCount = request.MaxOutputTokens;
        }

        if (request.Schema is { } schema)
        {
            completion.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(schema.Name, BinaryData.FromString(schema.SchemaJson), jsonSchemaIsStrict: true);
        }

        return completion;
    }

    private static ChatMessage ToSdk(LlmMessage message) => message.Role switch
    {
        LlmRole.System => new SystemChatMessage(message.Content),
        LlmRole.Assistant => new AssistantChatMessage(message.Content),
        _ => new UserChatMessage(message.Content),
    };

    private static OpenAIClient Create(LlmOptions options)
    {
        var sdkOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // The caller's own timeout (Llm:RequestTimeout) must fire first, so that a slow reply is retried and costed.
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(30),
        };
        if (options.BaseUrl is { } baseUrl)
        {
            sdkOptions.Endpoint = new Uri(baseUrl);
        }

        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), sdkOptions);
    }
}
