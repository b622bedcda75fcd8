using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using ChatResponseFormat = OpenAI.Chat.ChatResponseFormat;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;

namespace Highlights.Grains.Llm;

/// <summary>
/// The kernel function through which every request reaches the model: one attempt at a chat completion, timed out after
/// <see cref="LlmOptions.RequestTimeout"/>, its failures as <see cref="LlmCallException"/>. Being a kernel function is
/// what puts each attempt (retries included) through the kernel's filters, the budget guard among them.
/// </summary>
public static class ChatCompletionFunction
{
    public const string Name = "chat_completion";

    /// <summary>The <see cref="LlmRequest"/> to send.</summary>
    public const string RequestArgument = "request";

    /// <summary>The <see cref="LlmAttempt"/>: which chunk, purpose and attempt this is, for the cost records.</summary>
    public const string AttemptArgument = "attempt";

    public static KernelFunction Create(LlmOptions options, TimeProvider time) => KernelFunctionFactory.CreateFromMethod(
        (Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken) =>
            CompleteAsync(kernel, (LlmRequest)arguments[RequestArgument]!, options, time, cancellationToken),
        Name,
        "One chat completion attempt for a transcript chunk.");

    private static async Task<LlmReply> CompleteAsync(Kernel kernel, LlmRequest request, LlmOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory(request.Messages.Select(m => new ChatMessageContent(Role(m.Role), m.Content)));
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = request.MaxOutputTokens,
            ResponseFormat = request.Schema is { } schema
                ? ChatResponseFormat.CreateJsonSchemaFormat(schema.Name, BinaryData.FromString(schema.SchemaJson), jsonSchemaIsStrict: true)
                : null,
        };

        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, linked.Token);
            var usage = reply.Metadata?.GetValueOrDefault("Usage") is ChatTokenUsage used ? new LlmUsage(used.InputTokenCount, used.OutputTokenCount) : null;
            return new LlmReply(reply.Content ?? string.Empty, usage);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmCallException(LlmFailureKind.Timeout, $"no reply within {options.RequestTimeout.TotalSeconds:0.###} s", inner: ex);
        }
        catch (HttpOperationException ex)
        {
            throw LlmErrors.From(ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmCallException(LlmFailureKind.Network, $"openai: {ex.Message}", inner: ex);
        }
    }

    private static AuthorRole Role(LlmRole role) => role switch
    {
        LlmRole.System => AuthorRole.System,
        LlmRole.Assistant => AuthorRole.Assistant,
        _ => AuthorRole.User,
    };
}
