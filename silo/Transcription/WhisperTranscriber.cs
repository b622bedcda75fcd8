using Highlights.Grains.Transcription;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Whisper.net;

namespace Highlights.Silo.Transcription;

/// <summary>
/// <see cref="ITranscriber"/> on Whisper.net's CPU runtime: one <see cref="WhisperFactory"/> per model file and
/// transcript. The file is checked before whisper.cpp reads it; anything missing or damaged becomes a
/// <see cref="TranscriberUnavailableException"/> that names the file and the fix.
/// </summary>
public sealed partial class WhisperTranscriber(IOptions<WhisperOptions> options, ILoggerFactory loggers) : ITranscriber
{
    /// <summary>The logger category of whisper.cpp's own log lines.</summary>
    public const string NativeLogCategory = "whisper.cpp";

    private readonly ILogger logger = loggers.CreateLogger<WhisperTranscriber>();

    public Task<ITranscriptionSession> OpenAsync(TranscriptionSettings settings, CancellationToken cancellationToken) =>
        Task.Run(() => Open(settings), cancellationToken);

    private ITranscriptionSession Open(TranscriptionSettings settings)
    {
        var path = WhisperModelLocator.PathFor(settings.Model, options.Value.ModelsDirectory);
        if (!File.Exists(path))
        {
            throw new TranscriberUnavailableException(WhisperModelLocator.Missing(settings.Model, path));
        }

        var model = WhisperModelFile.Check(path);

        WhisperLogBridge.RouteTo(loggers.CreateLogger(NativeLogCategory));
        WhisperFactory factory;
        try
        {
            factory = WhisperFactory.FromPath(path, new WhisperFactoryOptions { UseGpu = false });
        }
        catch (Exception ex) when (ex is WhisperModelLoadException or DllNotFoundException or TypeInitializationException)
        {
            throw new TranscriberUnavailableException($"Whisper model {path}: Whisper.net could not load it ({ex.Message})", ex);
        }

        if (model.Tensors == 0)
        {
            LogWeightless(logger, path);
        }

        return new WhisperTranscriptionSession(factory, model, settings, options.Value.Threads);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whisper model {Path} has no weights (a test model): its transcripts are empty")]
    private static partial void LogWeightless(ILogger logger, string path);
}
