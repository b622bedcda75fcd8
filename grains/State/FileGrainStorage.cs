using System.Security.Cryptography;
using Orleans.Storage;

namespace Highlights.Grains.State;

/// <summary>
/// Grain storage in files: one <c>state.json</c> per grain under <c>&lt;root&gt;/&lt;key&gt;/</c> (for a video, beside its work
/// files), written to a temp file, flushed and renamed over the old one, so a crash leaves either the previous or the
/// new state. The ETag is the content's SHA-256: a write whose ETag no longer matches the file fails, as a stale
/// activation's must.
/// </summary>
public sealed class FileGrainStorage(string rootDirectory, IGrainStorageSerializer serializer) : IGrainStorage
{
    public const string StateFileName = "state.json";

    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = StatePath(grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        if (bytes.Length == 0)
        {
            throw new InvalidDataException($"state file {path} is empty");
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(bytes))
            ?? throw new InvalidDataException($"state file {path} holds no state");
        grainState.RecordExists = true;
        grainState.ETag = ETagOf(bytes);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = StatePath(grainId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stored = File.Exists(path) ? ETagOf(await File.ReadAllBytesAsync(path)) : null;
        if (stored != grainState.ETag)
        {
            throw new InconsistentStateException($"state file {path} was written by another owner", stored, grainState.ETag);
        }

        var bytes = serializer.Serialize(grainState.State).ToArray();
        await AtomicFile.WriteAsync(path, stream => stream.WriteAsync(bytes).AsTask(), CancellationToken.None);
        grainState.ETag = ETagOf(bytes);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        File.Delete(StatePath(grainId));
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The directory of the grain with string key <paramref name="key"/>: where its state file and work files live.</summary>
    public string DirectoryOf(string key) =>
        key.Length > 0 && key.IndexOfAny([.. Path.GetInvalidFileNameChars(), '.']) < 0
            ? Path.Combine(RootDirectory, key)
            : throw new ArgumentException($"grain key '{key}' cannot name a state directory", nameof(key));

    private string StatePath(GrainId grainId) => Path.Combine(DirectoryOf(grainId.Key.ToString()!), StateFileName);

    private static string ETagOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
