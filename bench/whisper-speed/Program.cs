// The in-process half of bench/whisper-speed.sh. Loads the library and MODEL once, then runs REPEATS pairs, each order in turn:
//   native   whisper_full_with_state called directly, with the parameters WhisperProcessor uses: the call alone
//   binding  WhisperProcessor.Process with a progress observer, as the pipeline calls it: parameter copy, GCHandle,
//            progress and abort callbacks, reading segments, tokens and words back
// then measures the per-call cost of the binding alone on 100 ms of audio, for which whisper.cpp reports progress once
// and returns before the encoder, over 200 alternating pairs. Prints key=value lines (seconds).
// Usage: WhisperSpeed MODEL PCM_F32 THREADS AUDIO_CONTEXT REPEATS
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Highlights.Whisper;
using Highlights.Whisper.Native;

var samples = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(args[1])).ToArray();
var options = new WhisperProcessorOptions
{
    Threads = int.Parse(args[2], CultureInfo.InvariantCulture),
    AudioContext = int.Parse(args[3], CultureInfo.InvariantCulture),
};
var repeats = int.Parse(args[4], CultureInfo.InvariantCulture);

WhisperLibrary.Load(null);
using var model = WhisperModel.Load(args[0]);
using var processor = model.CreateProcessor(options);
using var direct = new DirectCall(args[0], options);

var native = new List<double>();
var binding = new List<double>();
for (var i = 0; i < repeats; i++)
{
    // Which goes first alternates, so neither always runs on a machine the other has just warmed or loaded.
    if (i % 2 == 0)
    {
        native.Add(Time(() => direct.Run(samples)));
        binding.Add(Time(() => processor.Process(samples, _ => { }, CancellationToken.None)));
    }
    else
    {
        binding.Add(Time(() => processor.Process(samples, _ => { }, CancellationToken.None)));
        native.Add(Time(() => direct.Run(samples)));
    }
}

var tiny = samples[..1600];
var nativeCall = new List<double>();
var bindingCall = new List<double>();
for (var i = 0; i < 200; i++)
{
    nativeCall.Add(Time(() => direct.Run(tiny)));
    bindingCall.Add(Time(() => processor.Process(tiny, _ => { }, CancellationToken.None)));
}

Console.WriteLine($"whisper_version={WhisperLibrary.Version()}");
Print("audio_seconds", samples.Length / (double)WhisperProcessor.SampleRate);
Print("native_min", native.Min());
Print("native_median", Median(native));
Print("binding_min", binding.Min());
Print("binding_median", Median(binding));
Print("paired_difference_median", Median(binding.Zip(native, (b, n) => b - n).ToList()));
Print("call_native_median", Median(nativeCall));
Print("call_binding_median", Median(bindingCall));
Print("call_difference_median", Median(bindingCall.Zip(nativeCall, (b, n) => b - n).ToList()));
return 0;

static double Time(Action action)
{
    var started = Stopwatch.GetTimestamp();
    action();
    return Stopwatch.GetElapsedTime(started).TotalSeconds;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static void Print(string key, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value:0.000000}"));

/// <summary>whisper_full_with_state on a context and state of its own, with no binding around it.</summary>
internal sealed unsafe class DirectCall : IDisposable
{
    private readonly SafeWhisperContextHandle context;
    private readonly SafeWhisperStateHandle state;
    private readonly nint language = Marshal.StringToCoTaskMemUTF8("en");
    private readonly WhisperFullParams parameters;

    public DirectCall(string model, WhisperProcessorOptions options)
    {
        var defaults = Interop.whisper_context_default_params_by_ref();
        var contextParameters = *defaults;
        Interop.whisper_free_context_params(defaults);
        contextParameters.use_gpu = 0;
        context = Interop.whisper_init_from_file_with_params_no_state(model, contextParameters);
        state = Interop.whisper_init_state(context);
        parameters = WhisperProcessor.Parameters(options, language, nint.Zero);
    }

    public void Run(float[] samples)
    {
        fixed (float* data = samples)
        {
            if (Interop.whisper_full_with_state(context, state, parameters, data, samples.Length) != 0)
            {
                throw new InvalidOperationException("whisper_full failed");
            }
        }
    }

    public void Dispose()
    {
        state.Dispose();
        context.Dispose();
        Marshal.FreeCoTaskMem(language);
    }
}
