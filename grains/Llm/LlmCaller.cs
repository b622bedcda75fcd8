using Microsoft.SemanticKernel;
using Polly;
using Polly.Retry;

namespace Highlights.Grains.Llm;

/// <summary>
/// Makes one logical request through the run's kernel, one attempt at a time: 429s, 5xx, timeouts and broken
/// connections are retried with exponential backoff (Polly), a bounded number of times. Each attempt is a kernel
/// invocation, so the budget filter reserves and costs every retry like the first.
/// </summary>
public sealed class LlmCaller
{
    private readonly Kernel kernel;
    private readonly KernelFunction chat;
    private readonly ResiliencePipeline retries;

    public LlmCaller(Kernel kernel, LlmOptions options, TimeProvider time)
    {
        this.kernel = kernel;
        chat = ChatCompletionFunction.Create(options, time);
        retries = BuildRetries(options, time);
    }

    public async Task<LlmReply> CallAsync(LlmRequest request, int chunk, string purpose, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            return await retries.ExecuteAsync(
                async token =>
                {
                    var arguments = new KernelArguments
                    {
                        [ChatCompletionFunction.RequestArgument] = request,
                        [ChatCompletionFunction.AttemptArgument] = new LlmAttempt(chunk, purpose, ++attempt),
                    };
                    var result = await kernel.InvokeAsync(chat, arguments, token);
                    return result.GetValue<LlmReply>()!;
                },
                cancellationToken);
        }
        catch (LlmCallException ex)
        {
            throw new LlmCallException(
                ex.Kind,
                $"chunk {chunk + 1}: {ex.Message} (gave up after {attempt} attempt(s); finished chunks are kept, run again to continue)",
                ex.StatusCode,
                ex.RetryAfter,
                ex);
        }
    }

    private static ResiliencePipeline BuildRetries(LlmOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<LlmCallException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is LlmCallException { RetryAfter: { } after } ? (TimeSpan?)(after < options.MaxRetryDelay ? after : options.MaxRetryDelay) : null),
            });
        }

        return builder.Build();
    }
}
