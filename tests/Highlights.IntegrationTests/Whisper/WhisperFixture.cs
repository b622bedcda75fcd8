using System.Runtime.InteropServices;
using Highlights.IntegrationTests.Fixtures;
using Highlights.Whisper;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>
/// The real whisper.cpp library, loaded once with its log captured, the weightless test model, and jfk.wav decoded to
/// 16 kHz float samples. Tests that run whisper share it in one collection: each call already uses every core.
/// </summary>
public sealed class WhisperFixture : IAsyncLifetime
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("highlights-whisper-");

    internal CapturingLogger Log { get; } = new();

    public WhisperModel Model { get; private set; } = null!;

    public float[] Jfk { get; private set; } = [];

    public string Work => work.FullName;

    public async Task InitializeAsync()
    {
        WhisperLibrary.Load(null, Log);
        Model = WhisperModel.Load(RepoPaths.WhisperTestModel);
        Jfk = await DecodeAsync(RepoPaths.Jfk);
    }

    public Task DisposeAsync()
    {
        Model.Dispose();
        work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public async Task<float[]> DecodeAsync(string media)
    {
        var pcm = Path.Combine(Work, $"{Guid.NewGuid():N}.f32");
        await Ffmpeg.RunAsync("-i", media, "-ac", "1", "-ar", "16000", "-f", "f32le", pcm);
        return MemoryMarshal.Cast<byte, float>(await File.ReadAllBytesAsync(pcm)).ToArray();
    }
}

[CollectionDefinition(Name)]
public sealed class WhisperCollection : ICollectionFixture<WhisperFixture>
{
    public const string Name = "whisper";
}
