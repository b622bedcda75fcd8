namespace Highlights.Grains.State;

/// <summary>Durable home of <see cref="VideoState"/>. Saves are atomic and guarded by the state's revision.</summary>
public interface IVideoStateStore
{
    Task<VideoState?> LoadAsync(string videoId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="state"/> if the stored revision still equals <c>state.Revision</c>,
    /// and returns the state with its new revision; otherwise throws <see cref="StateConflictException"/>.
    /// </summary>
    Task<VideoState> SaveAsync(VideoState state, CancellationToken cancellationToken);
}
