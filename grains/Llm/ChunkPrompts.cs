using System.Globalization;
using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Llm.Prompts;
using Highlights.Grains.Selection;

namespace Highlights.Grains.Llm;

/// <summary>Builds the requests for one chunk from the prompt templates: the first ask, and the repair that follows an unusable answer.</summary>
public sealed class ChunkPrompts(PromptSet prompts, LlmOptions options, OfflineSelectorSettings settings)
{
    public string Version => prompts.Version;

    public Dictionary<string, string> Variables(string title, TranscriptChunk chunk, int chunkCount, SelectionSignals signals) => new(StringComparer.Ordinal)
    {
        [PromptVariables.Title] = title,
        [PromptVariables.Audience] = options.Audience,
        [PromptVariables.TargetClipLength] = string.Create(CultureInfo.InvariantCulture, $"{settings.MinClipSeconds:0.#} to {settings.MaxClipSeconds:0.#} seconds"),
        [PromptVariables.ChunkText] = chunk.Text,
        [PromptVariables.SignalSummary] = SignalSummary.Describe(signals, chunk.Start, chunk.End),
        [PromptVariables.ChunkStart] = Timecode.Format(chunk.Start),
        [PromptVariables.ChunkEnd] = Timecode.Format(chunk.End),
        [PromptVariables.ChunkNumber] = (chunk.Index + 1).ToString(CultureInfo.InvariantCulture),
        [PromptVariables.ChunkCount] = chunkCount.ToString(CultureInfo.InvariantCulture),
    };

    public async Task<List<LlmMessage>> AskAsync(IReadOnlyDictionary<string, string> values) =>
        [new(LlmRole.System, await prompts.System.RenderAsync(values)), new(LlmRole.User, await prompts.User.RenderAsync(values))];

    /// <summary>The conversation so far, the unusable answer, and a message naming what to fix.</summary>
    public async Task<List<LlmMessage>> RepairAsync(IReadOnlyList<LlmMessage> asked, string answer, Dictionary<string, string> values, string problem)
    {
        values[PromptVariables.Problem] = problem;
        return [.. asked, new(LlmRole.Assistant, answer), new(LlmRole.User, await prompts.Repair.RenderAsync(values))];
    }

    public LlmRequest Request(string model, IReadOnlyList<LlmMessage> messages) =>
        new(model, messages, options.MaxOutputTokens, options.StructuredOutputs ? CandidateSchema.ForProvider : null);
}
