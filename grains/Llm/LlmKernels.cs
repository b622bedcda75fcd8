using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Highlights.Grains.Llm;

/// <summary>
/// One Semantic Kernel per model, over SK's OpenAI chat completion: OpenAI itself, or any OpenAI-compatible server
/// (Azure OpenAI, Ollama, vLLM, llama.cpp server) at <see cref="LlmOptions.BaseUrl"/>. Built on first use and shared;
/// a selection run clones it to add its budget filter. Given our own HttpClient, SK turns the OpenAI SDK's retries and
/// network timeout off: every attempt is ours to time, retry and cost.
/// </summary>
public sealed class LlmKernels : IDisposable
{
    /// <summary>Sent when no key is configured: local servers ignore it, and the SDK refuses an empty one.</summary>
    private const string NoKey = "none";

    private readonly LlmOptions options;
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, Kernel> kernels = new(StringComparer.Ordinal);

    public LlmKernels(IOptions<LlmOptions> options)
    {
        this.options = options.Value;
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (this.options.MaxTokensField == LlmOptions.LegacyMaxTokensField)
        {
            handler = new LegacyMaxTokensHandler { InnerHandler = handler };
        }

        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Provider => LlmOptions.OpenAiProvider;

    public Kernel For(string model) => kernels.GetOrAdd(model, Build);

    public void Dispose() => http.Dispose();

    private Kernel Build(string model)
    {
        var builder = Kernel.CreateBuilder();
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        if (options.BaseUrl is { } baseUrl)
        {
#pragma warning disable SKEXP0010 // The endpoint overload is what reaches OpenAI-compatible servers.
            builder.AddOpenAIChatCompletion(model, new Uri(baseUrl), key, httpClient: http);
#pragma warning restore SKEXP0010
        }
        else
        {
            builder.AddOpenAIChatCompletion(model, key, httpClient: http);
        }

        return builder.Build();
    }
}
