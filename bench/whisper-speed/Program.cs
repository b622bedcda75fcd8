// Whisper.net alone, the reference half of bench/whisper-speed.sh: one whole process that loads MODEL with
// Whisper.net's CPU runtime and transcribes the WAV file AUDIO the way its own examples do (a factory, a processor,
// segments as an async stream), with THREADS threads and the options `highlights transcribe` uses. Prints key=value
// lines: the audio length and the time of the processing call alone (seconds).
// Usage: WhisperSpeed MODEL AUDIO_WAV THREADS AUDIO_CONTEXT
using System.Diagnostics;
using System.Globalization;
using Whisper.net;

var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
var audioContext = int.Parse(args[3], CultureInfo.InvariantCulture);

using var factory = WhisperFactory.FromPath(args[0], new WhisperFactoryOptions { UseGpu = false });
var builder = factory.CreateBuilder().WithThreads(threads).WithLanguage("en").WithNoContext().WithTokenTimestamps();
if (audioContext > 0)
{
    builder = builder.WithAudioContextSize(audioContext);
}

await using var processor = builder.Build();
await using var wav = File.OpenRead(args[1]);
var started = Stopwatch.GetTimestamp();
var segments = 0;
await foreach (var _ in processor.ProcessAsync(wav))
{
    segments++;
}

var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process_seconds={elapsed:0.000000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segments={segments}"));
