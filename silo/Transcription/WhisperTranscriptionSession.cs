using Highlights.Grains.Captions;
using Highlights.Grains.Transcription;
using Whisper.net;

namespace Highlights.Silo.Transcription;

/// <summary>
/// One loaded model. Every call builds a processor of its own (and Whisper.net gives each run a fresh decoding
/// state), so a window's text depends on its samples and the settings alone, never on the windows transcribed
/// before it in this process: a resumed run hears each window exactly as an uninterrupted one did.
/// </summary>
internal sealed class WhisperTranscriptionSession(WhisperFactory factory, WhisperModelSummary model, TranscriptionSettings settings, int threads)
    : ITranscriptionSession
{
    private const int SampleRate = 16_000;

    public async Task<TranscribedAudio> TranscribeAsync(ReadOnlyMemory<float> samples, Action<double>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (samples.IsEmpty)
        {
            return new TranscribedAudio([], Language);
        }

        await using var processor = Build(progress);
        var seconds = samples.Length / (double)SampleRate;
        var cues = new List<Cue>();
        string? detected = null;
        await foreach (var segment in processor.ProcessAsync(samples, cancellationToken))
        {
            detected ??= segment.Language;
            if (ToCue(segment, model.EndOfText, seconds) is { } cue)
            {
                cues.Add(cue);
            }
        }

        progress?.Invoke(1);
        return new TranscribedAudio(cues, detected ?? Language);
    }

    public void Dispose() => factory.Dispose();

    /// <summary>Times are kept inside the audio: whisper.cpp may end the last segment at the end of its 30 s chunk.</summary>
    internal static Cue? ToCue(SegmentData segment, int endOfText, double audioSeconds)
    {
        var text = segment.Text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var start = Math.Clamp(segment.Start.TotalSeconds, 0, audioSeconds);
        var end = Math.Clamp(segment.End.TotalSeconds, start, audioSeconds);
        var tokens = segment.Tokens
            .Where(t => t.Id < endOfText && t.Text is not null)
            .Select(t => new TokenPiece(t.Text!, t.Start / 100.0, t.End / 100.0, t.Probability))
            .ToList();
        var words = WordAssembler.Assemble(tokens, text, start, end)
            .Select(w => w with { Probability = Math.Round(w.Probability, 4) })
            .ToList();
        return new Cue(start, end, text, words, Math.Round(segment.NoSpeechProbability, 4));
    }

    /// <summary>English-only models are always told <c>en</c>: whisper.cpp would otherwise run its encoder once more to detect it.</summary>
    private string? Language => model.IsMultilingual ? (settings.Language == "auto" ? null : settings.Language) : "en";

    private WhisperProcessor Build(Action<double>? progress)
    {
        var builder = factory.CreateBuilder()
            .WithThreads(threads)
            .WithNoContext()
            .WithTokenTimestamps();
        builder = Language is { } language ? builder.WithLanguage(language) : builder.WithLanguageDetection();
        if (settings.InitialPrompt is { } prompt)
        {
            builder = builder.WithPrompt(prompt).WithCarryInitialPrompt();
        }

        if (settings.AudioContext > 0)
        {
            builder = builder.WithAudioContextSize(settings.AudioContext);
        }

        if (settings.BeamSize > 1)
        {
            builder = builder.WithBeamSearchSamplingStrategy(beam => beam.WithBeamSize(settings.BeamSize));
        }

        if (progress is not null)
        {
            builder = builder.WithProgressHandler(percent => progress(Math.Clamp(percent / 100.0, 0, 1)));
        }

        return builder.Build();
    }
}
