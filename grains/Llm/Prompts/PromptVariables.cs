namespace Highlights.Grains.Llm.Prompts;

/// <summary>The names a prompt template may use. A template naming anything else is rejected when it is loaded, before any call is paid for.</summary>
public static class PromptVariables
{
    public const string Title = "title";
    public const string Audience = "audience";
    public const string TargetClipLength = "target_clip_length";
    public const string ChunkText = "chunk_text";
    public const string SignalSummary = "signal_summary";
    public const string ChunkStart = "chunk_start";
    public const string ChunkEnd = "chunk_end";
    public const string ChunkNumber = "chunk_number";
    public const string ChunkCount = "chunk_count";

    /// <summary>Only in the repair prompt: what was wrong with the previous answer.</summary>
    public const string Problem = "problem";

    public static IReadOnlySet<string> ForPicks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Title, Audience, TargetClipLength, ChunkText, SignalSummary, ChunkStart, ChunkEnd, ChunkNumber, ChunkCount,
    };

    public static IReadOnlySet<string> ForRepair { get; } = new HashSet<string>(ForPicks.Append(Problem), StringComparer.Ordinal);
}
