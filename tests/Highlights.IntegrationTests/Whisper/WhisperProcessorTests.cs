using System.Runtime.InteropServices;
using Highlights.IntegrationTests.Fixtures;
using Highlights.Whisper;
using Microsoft.Extensions.Logging;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>The binding on the real library and the real (weightless) test model: whole runs, callbacks, and inputs that must not crash the host.</summary>
[Collection(WhisperCollection.Name)]
public sealed class WhisperProcessorTests(WhisperFixture fixture)
{
    /// <summary>The test model hears nothing whatever the context, so most tests use whisper.cpp's short-context speed-up.</summary>
    private static readonly WhisperProcessorOptions Quick = new() { AudioContext = 128 };

    [Fact]
    public void The_installed_library_exports_every_function_the_binding_imports()
    {
        Assert.EndsWith("index.node", WhisperLibrary.LoadedPath);
        var handle = NativeLibrary.Load(WhisperLibrary.LoadedPath!);
        Assert.All(WhisperLibrary.RequiredExports(), name => Assert.True(NativeLibrary.TryGetExport(handle, name, out _), name));
        Assert.Matches(@"^\d+\.\d+\.\d+", WhisperLibrary.Version());
    }

    [Fact]
    public void A_full_transcription_of_jfk_runs_to_the_end_with_progress_and_an_empty_transcript()
    {
        var progress = new List<double>();
        using var processor = fixture.Model.CreateProcessor(new WhisperProcessorOptions());

        var result = processor.Process(fixture.Jfk, progress.Add, CancellationToken.None);

        Assert.Empty(result.Segments);
        Assert.Equal("en", result.Language);
        Assert.Equal(0, progress[0]);
        Assert.Equal(1, progress[^1]);
        Assert.All(progress, p => Assert.InRange(p, 0, 1));
        Assert.Equal(progress.Order(), progress);
        Assert.False(fixture.Model.HasWeights);
    }

    [Fact]
    public void The_native_log_reaches_the_logger_as_whole_lines_at_mapped_levels()
    {
        Assert.Contains(fixture.Log.Lines, l => l.Level == LogLevel.Debug && l.Message.StartsWith("whisper_model_load: n_vocab", StringComparison.Ordinal));
        Assert.Contains(fixture.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("no tensors loaded", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Log.Lines, l => l.Message.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_stops_whisper_through_its_abort_callback()
    {
        using var cancel = new CancellationTokenSource();
        using var processor = fixture.Model.CreateProcessor(Quick);

        // Cancelled at the first progress report, before the encoder runs: only the abort callback can stop it now.
        Assert.ThrowsAny<OperationCanceledException>(() => processor.Process(fixture.Jfk, _ => cancel.Cancel(), cancel.Token));

        Assert.Empty(processor.Process(fixture.Jfk, null, CancellationToken.None).Segments);
    }

    [Fact]
    public void A_progress_observer_that_throws_stops_whisper_and_its_exception_surfaces()
    {
        using var processor = fixture.Model.CreateProcessor(Quick);

        var error = Assert.Throws<InvalidOperationException>(() => processor.Process(fixture.Jfk, _ => throw new InvalidOperationException("observer broke"), CancellationToken.None));

        Assert.Equal("observer broke", error.Message);
    }

    [Theory]
    [InlineData(48_000)]
    [InlineData(1_600)]
    [InlineData(800)]
    [InlineData(0)]
    public void Silence_and_audio_too_short_to_hold_a_word_give_an_empty_transcript(int samples)
    {
        using var processor = fixture.Model.CreateProcessor(Quick);

        Assert.Empty(processor.Process(new float[samples], null, CancellationToken.None).Segments);
    }

    [Fact]
    public void A_processor_keeps_its_model_alive_after_the_model_is_disposed()
    {
        var model = WhisperModel.Load(RepoPaths.WhisperTestModel);
        using var processor = model.CreateProcessor(Quick);
        model.Dispose();

        Assert.Empty(processor.Process(new float[16_000], null, CancellationToken.None).Segments);
        Assert.Throws<ObjectDisposedException>(() => model.CreateProcessor(Quick));
    }

    [Fact]
    public void An_unknown_language_is_refused_before_anything_runs()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.Model.CreateProcessor(new WhisperProcessorOptions { Language = "xx" }));

        Assert.Contains("'xx'", error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<WhisperModelException>(() => WhisperModel.Load(Path.Combine(fixture.Work, "ggml-absent.bin")));

        Assert.Contains("ggml-absent.bin: file not found", error.Message);
    }

    [Fact]
    public void A_truncated_model_file_is_refused_before_whisper_reads_it()
    {
        var bytes = File.ReadAllBytes(RepoPaths.WhisperTestModel);
        var cut = Path.Combine(fixture.Work, "ggml-cut.bin");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<WhisperModelException>(() => WhisperModel.Load(cut));

        Assert.Contains("inside the vocabulary", error.Message);
        Assert.Contains("download it again", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        var text = Path.Combine(fixture.Work, "notes.bin");
        File.WriteAllText(text, "meeting notes, not a model");

        Assert.Contains("bad magic", Assert.Throws<WhisperModelException>(() => WhisperModel.Load(text)).Message);
    }

    [Fact]
    public void A_missing_library_is_an_error_naming_the_file_and_the_setup_script()
    {
        var error = Assert.Throws<WhisperLibraryException>(() => WhisperLibrary.Load("/nonexistent/libwhisper.so"));

        Assert.Contains("/nonexistent/libwhisper.so", error.Message);
        Assert.Contains("scripts/setup.sh", error.Message);
    }

    [Fact]
    public void A_model_that_talks_yields_segments_made_of_words_timed_inside_them()
    {
        var path = Path.Combine(fixture.Work, "nonsense.bin");
        NonsenseWhisperModel.Write(path);
        using var model = WhisperModel.Load(path);
        using var processor = model.CreateProcessor(new WhisperProcessorOptions());

        var result = processor.Process(fixture.Jfk, null, CancellationToken.None);

        Assert.NotEmpty(result.Segments);
        Assert.All(result.Segments, s =>
        {
            Assert.InRange(s.Start, 0, 11);
            Assert.InRange(s.End, s.Start, 11);
            Assert.InRange(s.NoSpeechProbability, 0, 1);
            Assert.Equal(Normalised(s.Text), Normalised(string.Join(' ', s.Words.Select(w => w.Text))));
            Assert.All(s.Words, w => Assert.True(w.Start >= s.Start && w.End <= s.End && w.Start <= w.End, $"{w} outside {s.Start}-{s.End}"));
            Assert.All(s.Words, w => Assert.InRange(w.Probability, 0, 1));
        });
        Assert.Equal(result.Segments, processor.Process(fixture.Jfk, null, CancellationToken.None).Segments, SegmentComparer.Instance);
    }

    [RealWhisperModelFact]
    public void A_real_model_hears_kennedy_and_times_every_word_inside_its_segment()
    {
        using var model = WhisperModel.Load(RealWhisperModelFactAttribute.ModelPath!);
        using var processor = model.CreateProcessor(new WhisperProcessorOptions());

        var result = processor.Process(fixture.Jfk, null, CancellationToken.None);

        var text = string.Join(' ', result.Segments.Select(s => s.Text)).ToLowerInvariant();
        Assert.Contains("ask not what your country can do for you", new string([.. text.Where(c => char.IsLetter(c) || c == ' ')]));
        Assert.All(result.Segments, s =>
        {
            Assert.NotEmpty(s.Words);
            Assert.All(s.Words, w => Assert.True(w.Start >= s.Start && w.End <= s.End && w.Start <= w.End, $"{w} outside {s.Start}-{s.End}"));
            Assert.All(s.Words, w => Assert.InRange(w.Probability, 0, 1));
        });
    }

    private static string Normalised(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Segments equal by value, words included (records compare lists by reference).</summary>
    private sealed class SegmentComparer : IEqualityComparer<WhisperSegment>
    {
        public static SegmentComparer Instance { get; } = new();

        public bool Equals(WhisperSegment? x, WhisperSegment? y) =>
            x is not null && y is not null && x with { Words = [] } == y with { Words = [] } && x.Words.SequenceEqual(y.Words);

        public int GetHashCode(WhisperSegment obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
