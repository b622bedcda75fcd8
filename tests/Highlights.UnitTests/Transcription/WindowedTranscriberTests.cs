using Highlights.Grains.Captions;
using Highlights.Grains.Transcription;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Transcription;

public sealed class WindowedTranscriberTests : IDisposable
{
    private const int Rate = 16_000;
    private static readonly TranscriptionSettings Settings = new("base.en", "en", 1, null, 0, WindowSeconds: 5, OverlapSeconds: 1);

    private readonly TempDirectory temp = new();
    private readonly RecordingTranscriber transcriber = new();
    private readonly List<TranscriptionCheckpoint> checkpoints = [];
    private readonly string pcm;

    public WindowedTranscriberTests()
    {
        pcm = Path.Combine(temp.Path, "audio.f32");
        RecordingTranscriber.WriteRampPcm(pcm, 12 * Rate);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Each_window_is_heard_with_its_overlap_and_checkpointed_when_done()
    {
        var result = await RunAsync(resume: null);

        Assert.Equal([(0L, 6 * Rate), (4L * Rate, 7 * Rate), (9L * Rate, 3 * Rate)], transcriber.Calls);
        Assert.Equal([1, 2, 3], checkpoints.Select(c => c.WindowsDone));
        Assert.Equal(["at48000", "at120000", "at168000"], result.Cues.Select(c => c.Text));
        Assert.Equal(result.Cues, checkpoints[^1].Cues);
        Assert.Equal((3, 0), (result.Windows, result.WindowsFromCheckpoint));
        Assert.Equal(1, transcriber.Opens);
    }

    [Fact]
    public async Task Resumes_at_the_window_after_the_last_checkpoint()
    {
        Cue[] done = [new(3, 3.2, "first"), new(7.5, 7.7, "second")];

        var result = await RunAsync(new TranscriptionCheckpoint(Settings, 2, done, "en"));

        Assert.Equal([(9L * Rate, 3 * Rate)], transcriber.Calls);
        Assert.Equal(["first", "second", "at168000"], result.Cues.Select(c => c.Text));
        Assert.Equal((3, 2), (result.Windows, result.WindowsFromCheckpoint));
        Assert.Equal([3], checkpoints.Select(c => c.WindowsDone));
    }

    [Fact]
    public async Task A_checkpoint_made_with_other_settings_is_not_resumed()
    {
        var other = Settings with { Model = "small.en" };

        var result = await RunAsync(new TranscriptionCheckpoint(other, 2, [new(3, 3.2, "stale")], "en"));

        Assert.Equal(3, transcriber.Calls.Count);
        Assert.DoesNotContain(result.Cues, c => c.Text == "stale");
        Assert.Equal(0, result.WindowsFromCheckpoint);
    }

    [Fact]
    public async Task No_model_is_loaded_when_every_window_was_already_done()
    {
        var result = await RunAsync(new TranscriptionCheckpoint(Settings, 3, [new(3, 3.2, "all")], "en"));

        Assert.Equal(0, transcriber.Opens);
        Assert.Equal(["all"], result.Cues.Select(c => c.Text));
    }

    [Fact]
    public async Task Progress_runs_over_the_whole_audio_and_names_the_window()
    {
        var reports = new List<(double Fraction, string? Detail)>();

        await new WindowedTranscriber(transcriber).RunAsync(
            new TranscriptionRequest(pcm, 12 * Rate, Settings, null), (_, _) => Task.CompletedTask, (f, d) => reports.Add((f, d)), CancellationToken.None);

        Assert.Equal(reports.Select(r => r.Fraction).Order(), reports.Select(r => r.Fraction));
        Assert.Equal((2.5 / 12, "window 1 of 3"), reports[0]);
        Assert.Equal((1.0, "window 3 of 3"), reports[^1]);
    }

    [Fact]
    public async Task A_failed_window_keeps_the_windows_before_it_in_the_checkpoint()
    {
        transcriber.FailAtCall = 1;

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(resume: null));

        Assert.Equal([1], checkpoints.Select(c => c.WindowsDone));
        Assert.Equal(["at48000"], checkpoints[0].Cues.Select(c => c.Text));
    }

    private Task<WindowedTranscript> RunAsync(TranscriptionCheckpoint? resume) =>
        new WindowedTranscriber(transcriber).RunAsync(
            new TranscriptionRequest(pcm, 12 * Rate, Settings, resume),
            (checkpoint, _) =>
            {
                checkpoints.Add(checkpoint);
                return Task.CompletedTask;
            },
            (_, _) => { },
            CancellationToken.None);
}
