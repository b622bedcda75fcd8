namespace Highlights.Grains.Llm;

public enum ChunkStatus
{
    /// <summary>The model answered (possibly after one repair) and its picks were kept.</summary>
    Answered,

    /// <summary>Even the repaired answer was unusable; the chunk contributes nothing and is not asked again.</summary>
    Dropped,

    /// <summary>Not asked: the budget was reached, and the Offline action selected it without the LLM.</summary>
    Offline,
}
