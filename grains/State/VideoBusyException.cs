namespace Highlights.Grains.State;

public sealed class VideoBusyException(string videoId, Exception inner)
    : Exception($"video {videoId} is being processed by another process; wait for it to finish", inner);
