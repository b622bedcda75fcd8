// The native baseline of bench/whisper-speed.sh: one whisper_full_with_state call through the same shared library the
// binding loads, with the parameters WhisperProcessor sets, timed alone (model load excluded).
// Usage: native-baseline LIBRARY MODEL PCM_F32 THREADS AUDIO_CONTEXT    Prints the call's wall seconds.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <whisper.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void quiet(enum ggml_log_level level, const char *text, void *user) { (void)level; (void)text; (void)user; }

static void progress(struct whisper_context *ctx, struct whisper_state *state, int percent, void *user) {
    (void)ctx; (void)state; (void)percent; (void)user;
}

static bool keep_going(void *user) { (void)user; return false; }

#define LOAD(name) typeof(&name) p_##name = dlsym(lib, #name); if (!p_##name) { fprintf(stderr, "missing %s\n", #name); return 1; }

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: %s LIBRARY MODEL PCM_F32 THREADS AUDIO_CONTEXT\n", argv[0]); return 2; }
    // Lazy binding, as .NET loads it: the library also carries Node.js glue whose napi_* symbols stay unresolved.
    void *lib = dlopen(argv[1], RTLD_LAZY | RTLD_LOCAL);
    if (!lib) { fprintf(stderr, "%s\n", dlerror()); return 1; }
    LOAD(whisper_log_set) LOAD(whisper_context_default_params) LOAD(whisper_init_from_file_with_params_no_state)
    LOAD(whisper_init_state) LOAD(whisper_full_default_params) LOAD(whisper_full_with_state) LOAD(whisper_full_n_segments_from_state)

    p_whisper_log_set(quiet, NULL);
    struct whisper_context_params cparams = p_whisper_context_default_params();
    cparams.use_gpu = false;
    struct whisper_context *ctx = p_whisper_init_from_file_with_params_no_state(argv[2], cparams);
    struct whisper_state *state = ctx ? p_whisper_init_state(ctx) : NULL;
    if (!state) { fprintf(stderr, "cannot load %s\n", argv[2]); return 1; }

    FILE *f = fopen(argv[3], "rb");
    if (!f) { perror(argv[3]); return 1; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f) / (long)sizeof(float);
    fseek(f, 0, SEEK_SET);
    float *samples = malloc(n * sizeof(float));
    if (fread(samples, sizeof(float), n, f) != (size_t)n) { fprintf(stderr, "short read\n"); return 1; }
    fclose(f);

    struct whisper_full_params params = p_whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
    params.n_threads = atoi(argv[4]);
    params.audio_ctx = atoi(argv[5]);
    params.no_context = true;
    params.print_progress = params.print_realtime = params.print_timestamps = params.print_special = false;
    params.token_timestamps = true;
    params.language = "en";
    params.progress_callback = progress;
    params.abort_callback = keep_going;

    double start = now();
    int status = p_whisper_full_with_state(ctx, state, params, samples, (int)n);
    double seconds = now() - start;
    if (status != 0) { fprintf(stderr, "whisper_full failed: %d\n", status); return 1; }
    printf("%.4f %d\n", seconds, p_whisper_full_n_segments_from_state(state));
    return 0;
}
