using System.Runtime.InteropServices;
using Highlights.Grains.Captions;
using Highlights.Grains.Transcription;

namespace Highlights.UnitTests.Support;

/// <summary>
/// An <see cref="ITranscriber"/> that records which samples it was given and "hears" one word at the middle of
/// each stretch, named after the sample it falls on. Use with <see cref="WriteRampPcm"/>, whose sample i holds the
/// value i, so the first sample of a stretch tells where in the file it starts.
/// </summary>
internal sealed class RecordingTranscriber : ITranscriber
{
    public int Opens { get; private set; }

    /// <summary>(first sample index, sample count) of every call, in order.</summary>
    public List<(long First, int Count)> Calls { get; } = [];

    /// <summary>Thrown by <see cref="ITranscriber.OpenAsync"/> while set.</summary>
    public Exception? OpenFailure { get; set; }

    /// <summary>Thrown instead of transcribing the stretch that starts at this call number (0-based), once.</summary>
    public int? FailAtCall { get; set; }

    /// <summary>Runs when the call with this number (0-based) starts, before it answers.</summary>
    public Action<int>? OnCall { get; set; }

    public static void WriteRampPcm(string path, int samples)
    {
        var ramp = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            ramp[i] = i;
        }

        File.WriteAllBytes(path, MemoryMarshal.AsBytes(ramp.AsSpan()).ToArray());
    }

    public Task<ITranscriptionSession> OpenAsync(TranscriptionSettings settings, CancellationToken cancellationToken)
    {
        if (OpenFailure is not null)
        {
            throw OpenFailure;
        }

        Opens++;
        return Task.FromResult<ITranscriptionSession>(new Session(this));
    }

    private sealed class Session(RecordingTranscriber owner) : ITranscriptionSession
    {
        public Task<TranscribedAudio> TranscribeAsync(ReadOnlyMemory<float> samples, Action<double>? progress, CancellationToken cancellationToken)
        {
            var call = owner.Calls.Count;
            var first = (long)samples.Span[0];
            owner.Calls.Add((first, samples.Length));
            owner.OnCall?.Invoke(call);
            cancellationToken.ThrowIfCancellationRequested();
            if (owner.FailAtCall == call)
            {
                owner.FailAtCall = null;
                throw new InvalidOperationException("simulated crash while transcribing");
            }

            progress?.Invoke(0.5);
            var middle = samples.Length / 2 / 16_000.0;
            var word = new Word(middle - 0.1, middle + 0.1, $"at{first + (samples.Length / 2)}", 0.9);
            progress?.Invoke(1);
            return Task.FromResult(new TranscribedAudio([new Cue(word.Start, word.End, word.Text, [word], 0.05)], "en"));
        }

        public void Dispose()
        {
        }
    }
}
