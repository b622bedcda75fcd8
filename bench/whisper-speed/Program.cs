// The binding's side of bench/whisper-speed.sh: one WhisperProcessor.Process call with a progress observer, as the
// pipeline makes it, timed alone (library and model load excluded), on the library scripts/setup.sh installed.
// Usage: WhisperSpeed MODEL PCM_F32 THREADS AUDIO_CONTEXT    Prints the call's wall seconds and the segment count.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Highlights.Whisper;

var samples = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(args[1])).ToArray();
WhisperLibrary.Load(null);
using var model = WhisperModel.Load(args[0]);
using var processor = model.CreateProcessor(new WhisperProcessorOptions
{
    Threads = int.Parse(args[2], CultureInfo.InvariantCulture),
    AudioContext = int.Parse(args[3], CultureInfo.InvariantCulture),
});
var progress = 0.0;
var started = Stopwatch.GetTimestamp();
var result = processor.Process(samples, p => progress = p, CancellationToken.None);
var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0000} {result.Segments.Count}"));
return progress == 1 ? 0 : 1;
