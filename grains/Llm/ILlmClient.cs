namespace Highlights.Grains.Llm;

/// <summary>
/// One chat completion from a language model. The seam between selection and a provider SDK: no provider type
/// crosses it. An adapter makes exactly one attempt per call (retries, timeouts and costing are the caller's),
/// and reports failures as <see cref="LlmCallException"/>.
/// </summary>
public interface ILlmClient
{
    /// <summary>Provider name as it appears in cost records (<c>openai</c>).</summary>
    string Provider { get; }

    Task<LlmReply> CompleteAsync(LlmRequest request, CancellationToken cancellationToken);
}
