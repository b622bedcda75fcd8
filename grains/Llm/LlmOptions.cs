using System.ComponentModel.DataAnnotations;
using Highlights.Grains.State;

namespace Highlights.Grains.Llm;

/// <summary>Configuration section <c>Llm</c>: the provider, how calls are made and retried, chunking, and the budgets.</summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string Section = "Llm";

    /// <summary>The provider adapter for any OpenAI-compatible API (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server).</summary>
    public const string OpenAiProvider = "openai";

    public const string LegacyMaxTokensField = "max_tokens";

    /// <summary>Base URL of an OpenAI-compatible API (<c>HIGHLIGHTS_LLM__BASEURL</c>), e.g. <c>http://localhost:11434/v1</c>. Default: OpenAI's own.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>API key (<c>HIGHLIGHTS_LLM__APIKEY</c>). Required by OpenAI's own endpoint; local servers ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model used when <c>--llm-model</c> is not given (<c>HIGHLIGHTS_LLM__MODEL</c>); it needs a price in the price table. Default <c>gpt-4.1-mini</c>.</summary>
    [Required]
    public string Model { get; set; } = "gpt-4.1-mini";

    /// <summary>How long one attempt may take before it is abandoned (and retried). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 429, a 5xx, a timeout or a broken connection; every attempt is costed. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; it doubles with each retry (with jitter). A provider's Retry-After wins. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts, Retry-After included. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Transcript tokens (estimated, see docs/llm-selection.md) per chunk sent to the model. Default 3000.</summary>
    [Range(32, 500_000)]
    public int ChunkTokens { get; set; } = 3000;

    /// <summary>Transcript tokens repeated at the start of the next chunk, so a moment on a boundary is seen whole. Default 300; less than half of <see cref="ChunkTokens"/>.</summary>
    [Range(0, 250_000)]
    public int OverlapTokens { get; set; } = 300;

    /// <summary>Cap on each reply; the budget check counts every call at this many output tokens. Default 1200.</summary>
    [Range(16, 100_000)]
    public int MaxOutputTokens { get; set; } = 1200;

    /// <summary>
    /// Request field carrying the cap: <c>max_completion_tokens</c> (OpenAI) or <c>max_tokens</c> (older OpenAI-compatible
    /// servers that ignore the new name, which would leave replies uncapped).
    /// </summary>
    [AllowedValues("max_completion_tokens", "max_tokens")]
    public string MaxTokensField { get; set; } = "max_completion_tokens";

    /// <summary>Ask for structured output (<c>json_schema</c>). Turn off for servers without it; answers are validated either way. Default on.</summary>
    public bool StructuredOutputs { get; set; } = true;

    /// <summary>USD one video may spend over all its runs when <c>--budget-usd</c> is not given. Default 0.50.</summary>
    [Range(typeof(decimal), "0", "100000")]
    public decimal VideoBudgetUsd { get; set; } = 0.50m;

    /// <summary>USD the whole deployment may spend per UTC day, summed from the cost ledger. Default 20.</summary>
    [Range(typeof(decimal), "0", "10000000")]
    public decimal DailyBudgetUsd { get; set; } = 20m;

    /// <summary>When a budget is reached: <c>Stop</c> (status budget_exceeded) or <c>Offline</c> (finish the rest offline). Default Stop.</summary>
    public BudgetAction OnBudgetExceeded { get; set; } = BudgetAction.Stop;

    /// <summary>Who the highlights are for, as the prompt tells the model. Default "a general audience".</summary>
    [Required]
    public string Audience { get; set; } = "a general audience";

    /// <summary>Price table file (USD per 1M tokens per model). Default: <c>llm-prices.json</c> in the prompts folder.</summary>
    public string? PriceTable { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OverlapTokens * 2 >= ChunkTokens)
        {
            yield return new ValidationResult(
                $"Llm:OverlapTokens ({OverlapTokens}) must be less than half of Llm:ChunkTokens ({ChunkTokens})",
                [nameof(OverlapTokens), nameof(ChunkTokens)]);
        }

        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult($"Llm:MaxRetryDelay ({MaxRetryDelay}) must not be shorter than Llm:RetryDelay ({RetryDelay})", [nameof(MaxRetryDelay)]);
        }
    }
}
