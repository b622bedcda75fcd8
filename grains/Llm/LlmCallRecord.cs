namespace Highlights.Grains.Llm;

/// <summary>
/// One attempt at a chat call, in the video's ledger. <see cref="Usd"/> is the provider's reported usage at the price
/// table's prices; an attempt without reported usage is costed at its worst case (the reservation), except when it was
/// refused before any work (429, other 4xx), which providers do not bill.
/// </summary>
public sealed record LlmCallRecord(
    string Id,
    int Chunk,
    string Purpose,
    int Attempt,
    string Provider,
    string Model,
    CallStatus Status,
    int EstimatedInputTokens,
    int InputTokens,
    int OutputTokens,
    decimal Usd,
    bool UsageReported);
