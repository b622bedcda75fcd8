using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>
/// The whisper.cpp C API (whisper.h of @fugood/whisper.node 1.1.3), only the functions this binding calls.
/// Names and parameter order follow the header exactly; <see cref="WhisperLibrary"/> resolves <see cref="Library"/>.
/// </summary>
internal static unsafe partial class Interop
{
    /// <summary>The logical library name; <see cref="WhisperLibrary"/> maps it to the file it loaded.</summary>
    internal const string Library = "whisper";

    [LibraryImport(Library)]
    internal static partial byte* whisper_version();

    [LibraryImport(Library)]
    internal static partial void whisper_log_set(delegate* unmanaged<int, byte*, nint, void> log_callback, nint user_data);

    [LibraryImport(Library)]
    internal static partial WhisperContextParams* whisper_context_default_params_by_ref();

    [LibraryImport(Library)]
    internal static partial void whisper_free_context_params(WhisperContextParams* @params);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeWhisperContextHandle whisper_init_from_file_with_params_no_state(string path_model, WhisperContextParams @params);

    [LibraryImport(Library)]
    internal static partial void whisper_free(nint ctx);

    [LibraryImport(Library)]
    internal static partial SafeWhisperStateHandle whisper_init_state(SafeWhisperContextHandle ctx);

    [LibraryImport(Library)]
    internal static partial void whisper_free_state(nint state);

    [LibraryImport(Library)]
    internal static partial int whisper_is_multilingual(SafeWhisperContextHandle ctx);

    [LibraryImport(Library)]
    internal static partial int whisper_token_eot(SafeWhisperContextHandle ctx);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int whisper_lang_id(string lang);

    [LibraryImport(Library)]
    internal static partial byte* whisper_lang_str(int id);

    [LibraryImport(Library)]
    internal static partial WhisperFullParams* whisper_full_default_params_by_ref(WhisperSamplingStrategy strategy);

    [LibraryImport(Library)]
    internal static partial void whisper_free_params(WhisperFullParams* @params);

    [LibraryImport(Library)]
    internal static partial int whisper_full_with_state(
        SafeWhisperContextHandle ctx, SafeWhisperStateHandle state, WhisperFullParams @params, float* samples, int n_samples);

    [LibraryImport(Library)]
    internal static partial int whisper_full_lang_id_from_state(SafeWhisperStateHandle state);

    [LibraryImport(Library)]
    internal static partial int whisper_full_n_segments_from_state(SafeWhisperStateHandle state);

    [LibraryImport(Library)]
    internal static partial long whisper_full_get_segment_t0_from_state(SafeWhisperStateHandle state, int i_segment);

    [LibraryImport(Library)]
    internal static partial long whisper_full_get_segment_t1_from_state(SafeWhisperStateHandle state, int i_segment);

    [LibraryImport(Library)]
    internal static partial byte* whisper_full_get_segment_text_from_state(SafeWhisperStateHandle state, int i_segment);

    [LibraryImport(Library)]
    internal static partial float whisper_full_get_segment_no_speech_prob_from_state(SafeWhisperStateHandle state, int i_segment);

    [LibraryImport(Library)]
    internal static partial int whisper_full_n_tokens_from_state(SafeWhisperStateHandle state, int i_segment);

    [LibraryImport(Library)]
    internal static partial byte* whisper_full_get_token_text_from_state(
        SafeWhisperContextHandle ctx, SafeWhisperStateHandle state, int i_segment, int i_token);

    [LibraryImport(Library)]
    internal static partial WhisperTokenData whisper_full_get_token_data_from_state(SafeWhisperStateHandle state, int i_segment, int i_token);
}
