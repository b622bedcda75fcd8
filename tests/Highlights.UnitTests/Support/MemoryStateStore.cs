using System.Collections.Concurrent;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Support;

/// <summary>
/// The pipeline's state store for tests of the pipeline alone: revision-guarded like a grain's storage, kept in
/// memory, with work directories under <paramref name="rootDirectory"/>. Grain storage itself is tested on its own.
/// </summary>
internal sealed class MemoryStateStore(string rootDirectory) : IVideoStateStore
{
    private readonly ConcurrentDictionary<string, VideoState> states = new();

    public string VideoDirectory(string videoId) => Path.Combine(rootDirectory, videoId);

    public Task<VideoState?> LoadAsync(string videoId, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryGetValue(videoId, out var state) ? state : null);

    public Task<VideoState> SaveAsync(VideoState state, CancellationToken cancellationToken)
    {
        lock (states)
        {
            var storedRevision = states.TryGetValue(state.VideoId, out var stored) ? stored.Revision : 0;
            if (storedRevision != state.Revision)
            {
                throw new StateConflictException(state.VideoId, state.Revision, storedRevision);
            }

            var next = state with { Revision = state.Revision + 1 };
            states[state.VideoId] = next;
            return Task.FromResult(next);
        }
    }
}
