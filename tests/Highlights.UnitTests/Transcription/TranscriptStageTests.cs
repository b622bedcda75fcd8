using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Inputs;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.Grains.Transcription;
using Highlights.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Highlights.UnitTests.Transcription;

/// <summary>The transcript stage inside a real grain and file store, with stand-ins for the probe, the audio and the recogniser.</summary>
public sealed class TranscriptStageTests : IDisposable
{
    private const string VideoId = "transcript-under-test";
    private const int Rate = 16_000;

    private readonly TempDirectory temp = new();
    private readonly RecordingTranscriber transcriber = new();
    private readonly MemoryStateStore store;
    private readonly string source;
    private bool hasAudio = true;
    private InputFileGuard guard = InputFileGuard.Unrestricted;

    public TranscriptStageTests()
    {
        store = new MemoryStateStore(Path.Combine(temp.Path, "state"));
        source = Path.Combine(temp.Path, "media", "talk.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Without_captions_the_audio_is_transcribed_by_whisper_window_by_window()
    {
        var transcript = await RunAsync(new ProcessingOptions());

        Assert.Equal(TranscriptSource.Whisper, transcript.Source);
        Assert.Equal(["at48000", "at120000", "at168000"], transcript.Cues.Select(c => c.Text));
        Assert.Equal(new TranscriptionRun("base.en", "en", 3, 0, 5, 1), transcript.Whisper);
        Assert.Equal("whisper base.en", transcript.Origin);
    }

    [Fact]
    public async Task A_run_that_dies_mid_transcription_resumes_at_the_next_window_and_redoes_none()
    {
        transcriber.FailAtCall = 2;
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(new ProcessingOptions()));

        var crashed = (await store.LoadAsync(VideoId, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Failed, crashed.Status);
        Assert.Equal(2, crashed.Partials[StageNames.Transcript].Result.GetProperty("windows_done").GetInt32());

        var transcript = await RunAsync(new ProcessingOptions());

        Assert.Equal([0L, 4L * Rate, 9L * Rate, 9L * Rate], transcriber.Calls.Select(c => c.First));
        Assert.Equal(2, transcript.Whisper!.WindowsFromCheckpoint);
        Assert.Equal(["at48000", "at120000", "at168000"], transcript.Cues.Select(c => c.Text));
    }

    [Fact]
    public async Task A_cancelled_transcription_resumes_at_the_window_that_was_running()
    {
        using var cancel = new CancellationTokenSource();
        transcriber.OnCall = call =>
        {
            if (call == 1)
            {
                cancel.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(new ProcessingOptions(), cancel.Token));
        transcriber.OnCall = null;

        var transcript = await RunAsync(new ProcessingOptions());

        Assert.Equal([0L, 4L * Rate, 4L * Rate, 9L * Rate], transcriber.Calls.Select(c => c.First));
        Assert.Equal(1, transcript.Whisper!.WindowsFromCheckpoint);
    }

    [Fact]
    public async Task Captions_win_over_whisper_by_default()
    {
        await File.WriteAllTextAsync(Path.ChangeExtension(source, ".srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n");

        var transcript = await RunAsync(new ProcessingOptions());

        Assert.Equal(TranscriptSource.Sidecar, transcript.Source);
        Assert.Equal(0, transcriber.Opens);
    }

    [Fact]
    public async Task Force_whisper_transcribes_even_when_captions_exist()
    {
        await File.WriteAllTextAsync(Path.ChangeExtension(source, ".srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n");

        var transcript = await RunAsync(new ProcessingOptions { ForceWhisper = true });

        Assert.Equal(TranscriptSource.Whisper, transcript.Source);
        Assert.Equal(3, transcript.Cues.Count);
    }

    [Fact]
    public async Task Forcing_whisper_on_a_video_without_audio_keeps_its_captions()
    {
        hasAudio = false;
        await File.WriteAllTextAsync(Path.ChangeExtension(source, ".srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n");

        var transcript = await RunAsync(new ProcessingOptions { ForceWhisper = true });

        Assert.Equal(TranscriptSource.Sidecar, transcript.Source);
        Assert.Equal(0, transcriber.Opens);
    }

    [Fact]
    public async Task Without_a_model_the_video_stops_naming_the_file_and_the_way_to_go_on()
    {
        transcriber.OpenFailure = new TranscriberUnavailableException("Whisper model base.en not found: /m/ggml-base.en.bin does not exist; get it with: ./highlights models download base.en");

        var rejected = await Assert.ThrowsAsync<InputRejectedException>(() => RunAsync(new ProcessingOptions()));

        Assert.Contains("./highlights models download base.en", rejected.Message);
        Assert.Contains("--allow-no-transcript", rejected.Message);
        var failed = (await store.LoadAsync(VideoId, CancellationToken.None))!;
        Assert.Equal((FailureKind.InputRejected, StageNames.Transcript), (failed.Failure!.Kind, failed.Failure.Stage));
    }

    [Fact]
    public async Task When_allowed_a_missing_model_leaves_no_transcript_and_says_why()
    {
        transcriber.OpenFailure = new TranscriberUnavailableException("Whisper model base.en not found");

        var transcript = await RunAsync(new ProcessingOptions { AllowNoTranscript = true });

        Assert.Equal(TranscriptSource.None, transcript.Source);
        Assert.Empty(transcript.Cues);
        Assert.Contains("Whisper model base.en not found", transcript.Note);
        Assert.Contains("no captions found", transcript.Note);
    }

    [Fact]
    public async Task A_video_without_audio_needs_no_model()
    {
        hasAudio = false;
        transcriber.OpenFailure = new TranscriberUnavailableException("no model");

        var transcript = await RunAsync(new ProcessingOptions());

        Assert.Equal(TranscriptSource.None, transcript.Source);
        Assert.Contains("no audio to transcribe", transcript.Note);
    }

    [Fact]
    public async Task A_sidecar_linked_out_of_the_allowed_roots_is_ignored_and_the_note_says_so()
    {
        var outside = Directory.CreateDirectory(Path.Combine(temp.Path, "private")).FullName;
        var secret = Path.Combine(outside, "secret.srt");
        await File.WriteAllTextAsync(secret, "1\n00:00:00,000 --> 00:00:02,000\nTOPSECRET words\n");
        File.CreateSymbolicLink(Path.ChangeExtension(source, ".srt"), secret);
        guard = new InputFileGuard([Path.GetDirectoryName(source)!]);

        var transcript = await RunAsync(new ProcessingOptions());

        Assert.Equal(TranscriptSource.Whisper, transcript.Source);
        Assert.DoesNotContain(transcript.Cues, c => c.Text.Contains("TOPSECRET", StringComparison.Ordinal));
        Assert.Contains("sidecar talk.srt ignored: it is outside the allowed roots", transcript.Note);
    }

    [Fact]
    public async Task A_caption_file_whose_content_changed_since_submit_fails_the_video_with_the_reason()
    {
        var captions = Path.Combine(temp.Path, "media", "given.srt");
        await File.WriteAllTextAsync(captions, "1\n00:00:00,000 --> 00:00:02,000\nSwapped in later.\n");
        var submitted = Highlights.Grains.Hashing.ContentHash.Of("1\n00:00:00,000 --> 00:00:02,000\nAs submitted.\n"u8);

        var rejected = await Assert.ThrowsAsync<InputRejectedException>(
            () => RunAsync(new ProcessingOptions { CaptionsPath = captions, CaptionsSha256 = submitted }));

        Assert.Contains("given.srt: caption file changed since the video was submitted", rejected.Message);
        Assert.Equal(VideoStatus.Failed, (await store.LoadAsync(VideoId, CancellationToken.None))!.Status);
    }

    private async Task<Transcript> RunAsync(ProcessingOptions options, CancellationToken cancellationToken = default)
    {
        var state = await store.LoadAsync(VideoId, cancellationToken)
            ?? VideoState.Create(VideoId, new VideoSource(source, 1, "cafe"), options, DateTimeOffset.UnixEpoch);
        var whisper = Options.Create(new WhisperOptions { Model = "base.en", WindowDuration = TimeSpan.FromSeconds(5), WindowOverlap = TimeSpan.FromSeconds(1) });
        IVideoStage[] stages =
        [
            new ResultStage<ProbeResult>(StageNames.Probe, _ => new ProbeResult(Media(), [])),
            new ResultStage<PcmAudio>(StageNames.Audio, WritePcm),
            new TranscriptStage(new NoMediaTool(), CaptionLimits.Default, new WindowedTranscriber(transcriber), whisper, guard),
        ];
        var grain = new VideoPipeline(state with { Options = options }, stages, store, store.VideoDirectory(VideoId), TimeProvider.System, NullLogger<VideoPipeline>.Instance, HighlightsMetrics.Unexported());
        await grain.RunAsync(null, cancellationToken);
        return grain.State.ResultOf<Transcript>(StageNames.Transcript)!;
    }

    private MediaInfo Media() => new(
        "mov,mp4",
        12,
        new VideoStreamInfo(0, "h264", 320, 240, 25, "yuv420p", null, null, null, null),
        hasAudio ? new AudioStreamInfo(1, "aac", 48_000, 2) : null,
        []);

    private PcmAudio WritePcm(StageContext context)
    {
        if (!hasAudio)
        {
            return PcmAudio.None;
        }

        Directory.CreateDirectory(context.WorkDirectory);
        RecordingTranscriber.WriteRampPcm(Path.Combine(context.WorkDirectory, AudioExtractStage.PcmFileName), 12 * Rate);
        return new PcmAudio(true, AudioExtractStage.PcmFileName, Rate, 12 * Rate);
    }

    /// <summary>A stage that returns what the test computes, standing in for a real one before the stage under test.</summary>
    private sealed class ResultStage<T>(string name, Func<StageContext, T> result) : VideoStage<T>
    {
        public override string Name => name;

        protected override Task<T> ExecuteAsync(StageContext context, CancellationToken cancellationToken) => Task.FromResult(result(context));
    }

    /// <summary>Only embedded captions need ffmpeg, and these tests have none.</summary>
    private sealed class NoMediaTool : IMediaTool
    {
        public Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountPacketsNearEndAsync(string path, double durationSeconds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<VideoPacket>> ReadVideoPacketsAsync(string path, int streamIndex, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RunFfmpegAsync(IReadOnlyList<string> arguments, double expectedOutputSeconds, Action<double>? onProgress, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Grains.Edl.LoudnessMeasurement?> MeasureLoudnessAsync(string path, int audioStreamIndex, double durationSeconds, Action<double>? onProgress, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
