using Highlights.Grains.Captions;
using Highlights.Grains.Transcription;
using Highlights.IntegrationTests.Fixtures;
using Microsoft.Extensions.Logging;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>The transcriber on Whisper.net's real CPU runtime and real model files: whole runs, and inputs that must not crash the host.</summary>
[Collection(WhisperCollection.Name)]
public sealed class WhisperTranscriberTests(WhisperFixture fixture)
{
    /// <summary>The test model hears nothing whatever the context, so tests that only need a run use whisper.cpp's short-context speed-up.</summary>
    private const int QuickContext = 128;

    [Fact]
    public async Task Whisper_net_loads_the_test_model_and_transcribes_jfk_to_the_end_with_progress()
    {
        var progress = new List<double>();
        using var session = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(RepoPaths.WhisperTestModel), CancellationToken.None);

        var heard = await session.TranscribeAsync(fixture.Jfk, progress.Add, CancellationToken.None);

        // A model without weights hears no words; every segment it could return would still have to be well formed.
        Assert.All(heard.Cues, cue => AssertWellFormed(cue, 11));
        Assert.Equal("en", heard.Language);
        Assert.Equal(1, progress[^1]);
        Assert.All(progress, p => Assert.InRange(p, 0, 1));
        Assert.Equal(progress.Order(), progress);
        Assert.Contains(fixture.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("has no weights", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_native_log_reaches_the_logger_with_model_details_at_debug()
    {
        using var session = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(RepoPaths.WhisperTestModel, QuickContext), CancellationToken.None);

        Assert.Contains(fixture.Log.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains("n_vocab", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Log.Lines, l => l.Message.EndsWith('\n'));
    }

    [Fact]
    public async Task A_model_that_talks_yields_well_formed_cues_made_of_words_timed_inside_them()
    {
        using var session = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(fixture.NonsenseModel), CancellationToken.None);

        var heard = await session.TranscribeAsync(fixture.Jfk, null, CancellationToken.None);

        Assert.NotEmpty(heard.Cues);
        Assert.All(heard.Cues, cue => AssertWellFormed(cue, 11));
        Assert.All(heard.Cues, cue => Assert.NotEmpty(cue.Words!));
    }

    [Fact]
    public async Task A_window_is_heard_the_same_whatever_the_session_transcribed_before_it()
    {
        // What resuming relies on: a resumed run hears window k on a fresh session, an uninterrupted one after k - 1 others.
        var first = fixture.Jfk[..(5 * 16_000)];
        var second = fixture.Jfk[(4 * 16_000)..(9 * 16_000)];
        using var used = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(fixture.NonsenseModel), CancellationToken.None);
        await used.TranscribeAsync(first, null, CancellationToken.None);
        var afterAnother = await used.TranscribeAsync(second, null, CancellationToken.None);
        using var fresh = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(fixture.NonsenseModel), CancellationToken.None);

        var alone = await fresh.TranscribeAsync(second, null, CancellationToken.None);

        Assert.NotEmpty(alone.Cues);
        Assert.Equal(Describe(alone.Cues), Describe(afterAnother.Cues));
    }

    [Fact]
    public async Task Cancelling_stops_whisper_and_the_session_still_works()
    {
        using var cancel = new CancellationTokenSource();
        using var session = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(RepoPaths.WhisperTestModel, QuickContext), CancellationToken.None);

        // Cancelled at the first progress report: only Whisper.net's abort callback can stop the run now.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.TranscribeAsync(fixture.Jfk, _ => cancel.Cancel(), cancel.Token));

        Assert.Empty((await session.TranscribeAsync(fixture.Jfk, null, CancellationToken.None)).Cues);
    }

    [Theory]
    [InlineData(48_000)]
    [InlineData(800)]
    [InlineData(0)]
    public async Task Silence_and_audio_too_short_to_hold_a_word_give_an_empty_transcript(int samples)
    {
        using var session = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(RepoPaths.WhisperTestModel, QuickContext), CancellationToken.None);

        Assert.Empty((await session.TranscribeAsync(new float[samples], null, CancellationToken.None)).Cues);
    }

    [Fact]
    public async Task A_missing_model_names_the_file_and_the_download_command()
    {
        var error = await Assert.ThrowsAsync<TranscriberUnavailableException>(
            () => fixture.Transcriber.OpenAsync(WhisperFixture.Settings("base.en"), CancellationToken.None));

        Assert.Contains(Path.Combine(fixture.Work, "models", "ggml-base.en.bin"), error.Message);
        Assert.Contains("./highlights models download base.en", error.Message);
    }

    [Fact]
    public async Task A_truncated_model_is_a_clear_error_before_whisper_reads_it()
    {
        var bytes = await File.ReadAllBytesAsync(RepoPaths.WhisperTestModel);
        var cut = Path.Combine(fixture.Work, "ggml-cut.bin");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<TranscriberUnavailableException>(() => fixture.Transcriber.OpenAsync(WhisperFixture.Settings(cut), CancellationToken.None));

        Assert.Contains($"Whisper model {cut}: file ends at byte", error.Message);
        Assert.Contains("download it again", error.Message);
    }

    [Fact]
    public async Task A_model_whose_weights_are_cut_short_is_a_clear_error()
    {
        var bytes = await File.ReadAllBytesAsync(fixture.NonsenseModel);
        var cut = Path.Combine(fixture.Work, "ggml-cut-weights.bin");
        await File.WriteAllBytesAsync(cut, bytes[..^100]);

        var error = await Assert.ThrowsAsync<TranscriberUnavailableException>(() => fixture.Transcriber.OpenAsync(WhisperFixture.Settings(cut), CancellationToken.None));

        Assert.Contains("inside the tensor data", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_is_refused()
    {
        var text = Path.Combine(fixture.Work, "notes.bin");
        await File.WriteAllTextAsync(text, "meeting notes, not a model");

        var error = await Assert.ThrowsAsync<TranscriberUnavailableException>(() => fixture.Transcriber.OpenAsync(WhisperFixture.Settings(text), CancellationToken.None));

        Assert.Contains("bad magic", error.Message);
    }

    [RealWhisperModelFact]
    public async Task A_real_model_hears_kennedy_and_times_every_word_inside_its_cue()
    {
        using var session = await fixture.Transcriber.OpenAsync(WhisperFixture.Settings(RealWhisperModelFactAttribute.ModelPath!), CancellationToken.None);

        var heard = await session.TranscribeAsync(fixture.Jfk, null, CancellationToken.None);

        var text = string.Join(' ', heard.Cues.Select(c => c.Text)).ToLowerInvariant();
        Assert.Contains("ask not what your country can do for you", new string([.. text.Where(c => char.IsLetter(c) || c == ' ')]));
        Assert.All(heard.Cues, cue => AssertWellFormed(cue, 11));
    }

    private static void AssertWellFormed(Cue cue, double audioSeconds)
    {
        Assert.InRange(cue.Start, 0, audioSeconds);
        Assert.InRange(cue.End, cue.Start, audioSeconds);
        Assert.False(string.IsNullOrWhiteSpace(cue.Text));
        Assert.Equal(cue.Text.Trim(), cue.Text);
        Assert.InRange(cue.NoSpeechProbability!.Value, 0, 1);
        Assert.NotNull(cue.Words);
        Assert.Equal(Normalised(cue.Text), Normalised(string.Join(' ', cue.Words.Select(w => w.Text))));
        Assert.All(cue.Words, w =>
        {
            Assert.True(w.Start >= cue.Start && w.End <= cue.End && w.Start <= w.End, $"{w} outside {cue.Start}-{cue.End}");
            Assert.InRange(w.Probability, 0, 1);
            Assert.DoesNotContain('\uFFFD', w.Text);
        });
    }

    private static string Describe(IReadOnlyList<Cue> cues) =>
        string.Join('\n', cues.Select(c => $"{c.Start:0.00}-{c.End:0.00} {c.Text} [{string.Join(' ', c.Words!.Select(w => $"{w.Text}@{w.Start:0.00}-{w.End:0.00}:{w.Probability}"))}]"));

    private static string Normalised(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
