using Highlights.Grains.Transcription;
using Highlights.Whisper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Transcription;

/// <summary>
/// <see cref="ITranscriber"/> on whisper.cpp. Loads the library (configured or installed) with its log routed to the
/// host's logger, then checks and loads the model. Anything missing or damaged becomes a
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
        var config = options.Value;
        var path = WhisperModelLocator.PathFor(settings.Model, config.ModelsDirectory);
        if (!File.Exists(path))
        {
            throw new TranscriberUnavailableException(WhisperModelLocator.Missing(settings.Model, path));
        }

        try
        {
            WhisperLibrary.Load(config.LibraryPath, loggers.CreateLogger(NativeLogCategory));
        }
        catch (WhisperLibraryException ex)
        {
            throw new TranscriberUnavailableException($"{ex.Message} (setting: Whisper:LibraryPath, HIGHLIGHTS_WHISPER__LIBRARYPATH)", ex);
        }

        WhisperModel model;
        try
        {
            model = WhisperModel.Load(path);
        }
        catch (WhisperModelException ex)
        {
            throw new TranscriberUnavailableException(ex.Message, ex);
        }

        try
        {
            if (!model.HasWeights)
            {
                LogWeightless(logger, path);
            }

            var processor = model.CreateProcessor(new WhisperProcessorOptions
            {
                Threads = config.Threads,
                Language = settings.Language,
                BeamSize = settings.BeamSize,
                InitialPrompt = settings.InitialPrompt,
                AudioContext = settings.AudioContext,
            });
            return new WhisperTranscriptionSession(model, processor);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whisper model {Path} has no weights (a test model): its transcripts are empty")]
    private static partial void LogWeightless(ILogger logger, string path);
}
