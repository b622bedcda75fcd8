namespace Highlights.Grains.Llm.Chunks;

/// <summary>
/// Consecutive cues <see cref="FirstCue"/>..<see cref="LastCue"/> (inclusive, indexes into the transcript), rendered as
/// <c>[mm:ss] text</c> lines. <see cref="EstimatedTokens"/> counts those lines only.
/// </summary>
public sealed record TranscriptChunk(int Index, int FirstCue, int LastCue, double Start, double End, string Text, int EstimatedTokens)
{
    /// <summary>What identifies the chunk across runs: a saved answer is reused only for the same cues.</summary>
    public string Key => $"{Index}:{FirstCue}-{LastCue}";
}
