namespace Highlights.Grains.State;

/// <summary>
/// Everything that changes what the pipeline produces for one source. Part of the video id, so
/// a different target or caption file is a different video with its own checkpoints.
/// </summary>
public sealed record ProcessingOptions
{
    public double TargetSeconds { get; init; } = 60;

    /// <summary>Caption file given explicitly; sidecars found next to the input are resolved at the transcript stage.</summary>
    public string? CaptionsPath { get; init; }

    /// <summary>SHA-256 of <see cref="CaptionsPath"/> so an edited caption file is a new video.</summary>
    public string? CaptionsSha256 { get; init; }

    /// <summary>Accept PQ/HLG input and tone-map it to BT.709 SDR instead of rejecting it.</summary>
    public bool ToneMapHdr { get; init; }
}
