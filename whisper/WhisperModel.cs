using Highlights.Whisper.Native;

namespace Highlights.Whisper;

/// <summary>
/// A Whisper model loaded into memory once, shared by any number of <see cref="WhisperProcessor"/>s (each with its
/// own decoding state). The file is checked before whisper.cpp reads it, so a bad file is an error, not a crash.
/// </summary>
public sealed class WhisperModel : IDisposable
{
    private readonly SafeWhisperContextHandle context;
    private readonly WhisperModelSummary summary;
    private bool disposed;

    private WhisperModel(SafeWhisperContextHandle context, WhisperModelSummary summary)
    {
        this.context = context;
        this.summary = summary;
    }

    /// <summary>False for whisper.cpp's weightless test models: they load and run, and transcribe nothing.</summary>
    public bool HasWeights => summary.Tensors > 0;

    /// <summary>Loads <paramref name="path"/> on the CPU; throws <see cref="WhisperModelException"/> when it is missing, damaged or refused.</summary>
    public static unsafe WhisperModel Load(string path)
    {
        WhisperLibrary.EnsureLoaded();
        var fullPath = Path.GetFullPath(path);
        var summary = WhisperModelFile.Check(fullPath);

        var defaults = Interop.whisper_context_default_params_by_ref();
        WhisperContextParams parameters;
        try
        {
            parameters = *defaults;
        }
        finally
        {
            Interop.whisper_free_context_params(defaults);
        }

        parameters.use_gpu = 0;
        var context = Interop.whisper_init_from_file_with_params_no_state(fullPath, parameters);
        if (context.IsInvalid)
        {
            context.Dispose();
            throw new WhisperModelException(fullPath, "whisper.cpp could not load it (its log says why)");
        }

        return new WhisperModel(context, summary);
    }

    public WhisperProcessor CreateProcessor(WhisperProcessorOptions options)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new WhisperProcessor(context, options);
    }

    /// <summary>Frees the model once every processor made from it is disposed too.</summary>
    public void Dispose()
    {
        disposed = true;
        context.Dispose();
    }
}
