namespace Highlights.Silo.Api;

/// <summary>The video's grain could not come up because its stored state cannot be read (corrupt, or of an unknown shape).</summary>
public sealed class VideoStateUnreadableException(string videoId, Exception inner)
    : Exception($"video {videoId}: its stored state cannot be read ({inner.GetBaseException().Message}); other videos are not affected", inner);
