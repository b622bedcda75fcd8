using System.Runtime.InteropServices;

namespace Highlights.Whisper.Native;

/// <summary>
/// <c>struct whisper_full_params</c>, passed to <c>whisper_full_with_state</c> by value, so every field must sit
/// where the header puts it: names and order are the header's, C <c>bool</c> is a <see cref="byte"/>, pointers
/// (strings, callbacks, user data) are <see cref="nint"/>. The layout test compiles the header and compares.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperFullParams
{
    public WhisperSamplingStrategy strategy;

    public int n_threads;
    public int n_max_text_ctx;
    public int offset_ms;
    public int duration_ms;

    public byte translate;
    public byte no_context;
    public byte no_timestamps;
    public byte single_segment;
    public byte print_special;
    public byte print_progress;
    public byte print_realtime;
    public byte print_timestamps;

    public byte token_timestamps;
    public float thold_pt;
    public float thold_ptsum;
    public int max_len;
    public byte split_on_word;
    public int max_tokens;

    public byte debug_mode;
    public int audio_ctx;

    public byte tdrz_enable;

    public nint suppress_regex;

    public nint initial_prompt;
    public byte carry_initial_prompt;
    public nint prompt_tokens;
    public int prompt_n_tokens;

    public nint language;
    public byte detect_language;

    public byte suppress_blank;
    public byte suppress_nst;

    public float temperature;
    public float max_initial_ts;
    public float length_penalty;

    public float temperature_inc;
    public float entropy_thold;
    public float logprob_thold;
    public float no_speech_thold;

    public WhisperGreedyParams greedy;
    public WhisperBeamSearchParams beam_search;

    public nint new_segment_callback;
    public nint new_segment_callback_user_data;

    public nint progress_callback;
    public nint progress_callback_user_data;

    public nint encoder_begin_callback;
    public nint encoder_begin_callback_user_data;

    public nint abort_callback;
    public nint abort_callback_user_data;

    public nint logits_filter_callback;
    public nint logits_filter_callback_user_data;

    public nint grammar_rules;
    public nuint n_grammar_rules;
    public nuint i_start_rule;
    public float grammar_penalty;

    public byte vad;
    public nint vad_model_path;

    public WhisperVadParams vad_params;
}
