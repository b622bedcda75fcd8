using System.Runtime.InteropServices;
using Highlights.Whisper.Native;

namespace Highlights.Whisper;

/// <summary>
/// Transcribes 16 kHz mono samples with one model and one decoding state. One call at a time (calls are
/// serialised); each call starts without the previous call's text as context, so the same audio gives the same
/// text whatever was transcribed before it. Cancellation reaches whisper.cpp through its abort callback; a run that
/// finished before it noticed returns its result.
/// </summary>
public sealed unsafe class WhisperProcessor : IDisposable
{
    /// <summary>The only rate whisper.cpp takes: 16 kHz mono.</summary>
    public const int SampleRate = 16_000;

    private readonly Lock gate = new();
    private readonly SafeWhisperContextHandle context;
    private readonly SafeWhisperStateHandle state;
    private readonly nint language;
    private readonly nint initialPrompt;
    private readonly WhisperFullParams template;
    private readonly int endOfText;
    private bool disposed;

    internal WhisperProcessor(SafeWhisperContextHandle context, WhisperProcessorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options.Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BeamSize, 1, nameof(options.BeamSize));
        ArgumentOutOfRangeException.ThrowIfNegative(options.AudioContext, nameof(options.AudioContext));
        if (options.Language != "auto" && Interop.whisper_lang_id(options.Language) < 0)
        {
            throw new ArgumentException($"whisper does not know the language '{options.Language}'", nameof(options));
        }

        this.context = context;
        state = Interop.whisper_init_state(context);
        if (state.IsInvalid)
        {
            state.Dispose();
            throw new WhisperException("whisper.cpp could not allocate a decoding state (out of memory?)");
        }

        try
        {
            state.HoldContext(context);
        }
        catch
        {
            state.Dispose();
            throw;
        }

        endOfText = Interop.whisper_token_eot(context);

        // whisper.cpp detects the language by running the encoder once more, even for an English-only model.
        var english = Interop.whisper_is_multilingual(context) == 0;
        language = Marshal.StringToCoTaskMemUTF8(english ? "en" : options.Language);
        initialPrompt = options.InitialPrompt is null ? nint.Zero : Marshal.StringToCoTaskMemUTF8(options.InitialPrompt);
        template = Parameters(options, language, initialPrompt);
    }

    /// <param name="samples">16 kHz mono audio.</param>
    /// <param name="progress">0..1 as whisper.cpp advances through the samples; 1 when done.</param>
    public WhisperResult Process(ReadOnlySpan<float> samples, Action<double>? progress, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            if (samples.IsEmpty)
            {
                return WhisperResult.Empty;
            }

            var run = new WhisperRunContext(progress, cancellationToken);
            var handle = GCHandle.Alloc(run);
            int status;
            try
            {
                var parameters = template;
                parameters.progress_callback = WhisperCallbacks.Progress;
                parameters.progress_callback_user_data = GCHandle.ToIntPtr(handle);
                parameters.abort_callback = WhisperCallbacks.Abort;
                parameters.abort_callback_user_data = GCHandle.ToIntPtr(handle);
                fixed (float* data = samples)
                {
                    status = Interop.whisper_full_with_state(context, state, parameters, data, samples.Length);
                }
            }
            finally
            {
                handle.Free();
            }

            run.ThrowIfFailed();
            if (status != 0)
            {
                // A run stopped by the abort callback also ends with an error status; that is the cancellation.
                cancellationToken.ThrowIfCancellationRequested();
                throw new WhisperException($"whisper_full failed with status {status} (the whisper.cpp log says why)");
            }

            progress?.Invoke(1);
            return new WhisperResult(ReadSegments(samples.Length / (double)SampleRate), DetectedLanguage());
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            state.Dispose();
            Marshal.FreeCoTaskMem(language);
            Marshal.FreeCoTaskMem(initialPrompt);
        }
    }

    /// <summary>The parameters every call starts from (callbacks are added per call).</summary>
    internal static WhisperFullParams Parameters(WhisperProcessorOptions options, nint language, nint initialPrompt)
    {
        var strategy = options.BeamSize > 1 ? WhisperSamplingStrategy.BeamSearch : WhisperSamplingStrategy.Greedy;
        var defaults = Interop.whisper_full_default_params_by_ref(strategy);
        WhisperFullParams parameters;
        try
        {
            parameters = *defaults;
        }
        finally
        {
            Interop.whisper_free_params(defaults);
        }

        parameters.n_threads = options.Threads;
        parameters.no_context = 1;
        parameters.print_progress = 0;
        parameters.print_realtime = 0;
        parameters.print_timestamps = 0;
        parameters.print_special = 0;
        parameters.token_timestamps = 1;
        parameters.language = language;
        parameters.detect_language = 0;
        parameters.initial_prompt = initialPrompt;
        parameters.carry_initial_prompt = initialPrompt == nint.Zero ? (byte)0 : (byte)1;
        parameters.audio_ctx = options.AudioContext;
        if (strategy == WhisperSamplingStrategy.BeamSearch)
        {
            parameters.beam_search.beam_size = options.BeamSize;
        }

        return parameters;
    }

    /// <param name="audioSeconds">Times are kept inside the audio: whisper.cpp may end the last segment at the end of its 30 s chunk.</param>
    private List<WhisperSegment> ReadSegments(double audioSeconds)
    {
        var count = Interop.whisper_full_n_segments_from_state(state);
        var segments = new List<WhisperSegment>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Math.Clamp(Interop.whisper_full_get_segment_t0_from_state(state, i) / 100.0, 0, audioSeconds);
            var end = Math.Clamp(Interop.whisper_full_get_segment_t1_from_state(state, i) / 100.0, start, audioSeconds);
            var tokens = new List<TokenPiece>();
            var tokenCount = Interop.whisper_full_n_tokens_from_state(state, i);
            for (var j = 0; j < tokenCount; j++)
            {
                var data = Interop.whisper_full_get_token_data_from_state(state, i, j);
                if (data.id < endOfText)
                {
                    var text = NativeText.Bytes(Interop.whisper_full_get_token_text_from_state(context, state, i, j)).ToArray();
                    tokens.Add(new TokenPiece(text, data.t0 / 100.0, data.t1 / 100.0, data.p));
                }
            }

            segments.Add(new WhisperSegment(
                start,
                end,
                NativeText.String(Interop.whisper_full_get_segment_text_from_state(state, i)).Trim(),
                Interop.whisper_full_get_segment_no_speech_prob_from_state(state, i),
                WordAssembler.Assemble(tokens, start, end)));
        }

        return segments;
    }

    private string? DetectedLanguage()
    {
        var id = Interop.whisper_full_lang_id_from_state(state);
        return id < 0 ? null : NativeText.String(Interop.whisper_lang_str(id));
    }
}
