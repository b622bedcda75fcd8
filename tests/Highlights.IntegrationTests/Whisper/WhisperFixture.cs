using System.Runtime.InteropServices;
using Highlights.Grains.Transcription;
using Highlights.IntegrationTests.Fixtures;
using Highlights.Silo.Transcription;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>
/// The real transcriber on Whisper.net's CPU runtime with its log captured, the weightless test model, a model with
/// random weights that says something, and jfk.wav decoded to 16 kHz float samples. Tests that run whisper share it
/// in one collection: each call already uses every core.
/// </summary>
public sealed class WhisperFixture : IAsyncLifetime
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("highlights-whisper-");
    private ILoggerFactory loggers = null!;

    internal CapturingLogger Log { get; } = new();

    public ITranscriber Transcriber { get; private set; } = null!;

    public float[] Jfk { get; private set; } = [];

    public string NonsenseModel => Path.Combine(Work, "nonsense.bin");

    public string Work => work.FullName;

    public async Task InitializeAsync()
    {
        loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Log));
        Transcriber = new WhisperTranscriber(Options.Create(new WhisperOptions { ModelsDirectory = Path.Combine(Work, "models") }), loggers);
        NonsenseWhisperModel.Write(NonsenseModel);
        Jfk = await DecodeAsync(RepoPaths.Jfk);
    }

    public Task DisposeAsync()
    {
        loggers.Dispose();
        work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Settings for <paramref name="model"/>; the window fields are not used by a session.</summary>
    public static TranscriptionSettings Settings(string model, int audioContext = 0) => new(model, "en", 1, null, audioContext, 600, 5);

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
