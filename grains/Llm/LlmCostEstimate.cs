using Highlights.Grains.Captions;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Selection;

namespace Highlights.Grains.Llm;

/// <summary>One chunk's first request as it would be sent, and its estimated size.</summary>
public sealed record ChunkEstimate(TranscriptChunk Chunk, IReadOnlyList<LlmMessage> Messages, int RequestTokens);

/// <summary>
/// What selecting a transcript with the LLM would send and cost, without calling it: the first request of every chunk
/// (repairs and retries come on top), its estimated input, and the cost of that input and of the worst case.
/// </summary>
public sealed record LlmCostEstimate(IReadOnlyList<ChunkEstimate> Chunks, int MaxOutputTokens, decimal InputUsd, decimal WorstCaseUsd)
{
    public int TranscriptTokens => Chunks.Sum(c => c.Chunk.EstimatedTokens);

    public int RequestTokens => Chunks.Sum(c => c.RequestTokens);

    public static async Task<LlmCostEstimate> ForAsync(IReadOnlyList<Cue> cues, string title, string model, ModelPrice price, ChunkPrompts prompts, LlmOptions options)
    {
        var chunks = TranscriptChunker.Split(cues, options.ChunkTokens, options.OverlapTokens);
        var estimates = new List<ChunkEstimate>(chunks.Count);
        foreach (var chunk in chunks)
        {
            var messages = await prompts.AskAsync(prompts.Variables(title, chunk, chunks.Count, SelectionSignals.None));
            estimates.Add(new ChunkEstimate(chunk, messages, TokenEstimator.Estimate(prompts.Request(model, messages))));
        }

        var input = estimates.Sum(e => e.RequestTokens);
        return new LlmCostEstimate(estimates, options.MaxOutputTokens, price.Cost(input, 0), price.Cost(input, (long)options.MaxOutputTokens * estimates.Count));
    }
}
