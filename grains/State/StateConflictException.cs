namespace Highlights.Grains.State;

/// <summary>Another owner wrote the video's state since it was read: this owner's view is stale and must stop.</summary>
public sealed class StateConflictException(string videoId, long expected, long actual, Exception? inner = null)
    : InvalidOperationException($"state of video {videoId} changed underneath this owner (expected revision {expected}, found {(actual < 0 ? "another writer's" : actual)})", inner)
{
    public string VideoId { get; } = videoId;
}
