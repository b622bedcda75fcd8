using System.Collections.Concurrent;

namespace Highlights.Silo.Cluster;

/// <summary>The videos this silo holds leases on right now, shared by the workers and the lease keeper.</summary>
public sealed class ActiveVideos
{
    private readonly ConcurrentDictionary<string, ActiveVideo> videos = new();

    public int Count => videos.Count;

    public void Add(ActiveVideo video) => videos[video.Lease.VideoId] = video;

    public void Remove(ActiveVideo video) => videos.TryRemove(new KeyValuePair<string, ActiveVideo>(video.Lease.VideoId, video));

    public IReadOnlyList<ActiveVideo> Snapshot() => [.. videos.Values];
}
