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

    public List<LlmMessage> Ask(IReadOnlyDictionary<string, string> values) =>
        [new(LlmRole.System, prompts.System.Render(values)), new(LlmRole.User, prompts.User.Render(values))];

    /// <summary>The conversation so far, the unusable answer, and a message naming what to fix.</summary>
    public List<LlmMessage> Repair(IReadOnlyList<LlmMessage> asked, string answer, Dictionary<string, string> values, string problem)
    {
        values[PromptVariables.Problem] = problem;
        return [.. asked, new(LlmRole.Assistant, answer), new(LlmRole.User, prompts.Repair.Render(values))];
    }

    public LlmRequest Request(string model, IReadOnlyList<LlmMessage> messages) =>
        new(model, messages, options.MaxOutputTokens, options.StructuredOutputs ? CandidateSchema.ForProvider : null);
}
