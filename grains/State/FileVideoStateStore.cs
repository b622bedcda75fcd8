using System.Text.Json;

namespace Highlights.Grains.State;

/// <summary>
/// One <c>state.json</c> per video under a state directory. Written to a temp file, flushed, then renamed
/// over the old one, so a crash leaves either the previous or the new state, never a torn file.
/// </summary>
public sealed class FileVideoStateStore(string rootDirectory) : IVideoStateStore
{
    private const string StateFileName = "state.json";

    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    public string VideoDirectory(string videoId) => Path.Combine(RootDirectory, videoId);

    public async Task<VideoState?> LoadAsync(string videoId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(VideoDirectory(videoId), StateFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<VideoState>(stream, StateJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"state file {path} is empty");
    }

    public async Task<VideoState> SaveAsync(VideoState state, CancellationToken cancellationToken)
    {
        var directory = VideoDirectory(state.VideoId);
        Directory.CreateDirectory(directory);
        var stored = await LoadAsync(state.VideoId, cancellationToken);
        var storedRevision = stored?.Revision ?? 0;
        if (storedRevision != state.Revision)
        {
            throw new StateConflictException(state.VideoId, state.Revision, storedRevision);
        }

        var next = state with { Revision = state.Revision + 1 };
        await AtomicFile.WriteAsync(
            Path.Combine(directory, StateFileName),
            stream => JsonSerializer.SerializeAsync(stream, next, StateJson.Indented, cancellationToken),
            cancellationToken);
        return next;
    }
}
