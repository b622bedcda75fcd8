using System.Text.Json;
using Highlights.Grains.State;
using Highlights.UnitTests.Support;
using Orleans.Storage;

namespace Highlights.UnitTests.State;

public sealed class FileGrainStorageTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory temp = new();
    private readonly FileGrainStorage storage;

    public FileGrainStorageTests() => storage = new FileGrainStorage(temp.Path, new StateJsonGrainStorageSerializer());

    public void Dispose() => temp.Dispose();

    private sealed record ProbeSummary(int Width, int Height, string Codec);

    private static VideoState NewState(string videoId = "video-a") =>
        VideoState.Create(videoId, new VideoSource("/media/talk.mp4", 987_654, "f00d"), new ProcessingOptions { TargetSeconds = 45, ToneMapHdr = true }, T0);

    private static GrainId Video(string videoId = "video-a") => GrainId.Create("video", videoId);

    private string StatePath(string videoId) => Path.Combine(storage.DirectoryOf(videoId), FileGrainStorage.StateFileName);

    private async Task<GrainState<VideoState>> ReadAsync(string videoId = "video-a")
    {
        var state = new GrainState<VideoState>(null!);
        await storage.ReadStateAsync("video", Video(videoId), state);
        return state;
    }

    private async Task<GrainState<VideoState>> WriteAsync(VideoState value, string? etag = null)
    {
        var state = new GrainState<VideoState>(value) { ETag = etag };
        await storage.WriteStateAsync("video", Video(value.VideoId), state);
        return state;
    }

    [Fact]
    public async Task Reading_an_unknown_grain_finds_no_record()
    {
        var state = await ReadAsync("nope");

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_fields_and_checkpoints()
    {
        var summary = new ProbeSummary(1280, 720, "h264");
        var written = NewState().BeginRun(T0).EnterStage("probe", T0)
            .CompleteStage("probe", 2, JsonSerializer.SerializeToElement(summary, StateJson.Options), TimeSpan.FromSeconds(1.25), T0)
            .EnterStage("audio", T0);

        await WriteAsync(written);
        var read = await ReadAsync();
        var loaded = read.State!;

        Assert.True(read.RecordExists);
        Assert.Equal(VideoStatus.Running, loaded.Status);
        Assert.Equal("audio", loaded.CurrentStage);
        Assert.Equal(written.Source, loaded.Source);
        Assert.Equal(written.Options, loaded.Options);
        Assert.Equal(T0, loaded.CreatedAt);
        Assert.Equal(summary, loaded.ResultOf<ProbeSummary>("probe"));
        Assert.Equal(2, loaded.Checkpoints["probe"].ResultVersion);
        Assert.Equal(1.25, loaded.Checkpoints["probe"].DurationSeconds);
        Assert.Equal(new StageTally(1, 1), loaded.Tallies["probe"]);
        Assert.Equal(new StageTally(1, 0), loaded.Tallies["audio"]);
    }

    [Fact]
    public async Task The_state_file_is_the_state_as_json_in_the_video_folder()
    {
        await WriteAsync(NewState().BeginRun(T0).EnterStage("render", T0).Fail(FailureKind.InputRejected, "bad input", T0));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(StatePath("video-a")));

        Assert.Equal("video-a", json.RootElement.GetProperty("video_id").GetString());
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("input_rejected", json.RootElement.GetProperty("failure").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_write_with_the_etag_it_read_succeeds_and_changes_the_etag()
    {
        var first = await WriteAsync(NewState());
        var read = await ReadAsync();

        var second = await WriteAsync(read.State!.BeginRun(T0), read.ETag);

        Assert.Equal(first.ETag, read.ETag);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(VideoStatus.Running, (await ReadAsync()).State!.Status);
    }

    [Fact]
    public async Task A_stale_writer_fails_on_its_etag_and_leaves_the_file_unchanged()
    {
        var first = await WriteAsync(NewState());
        await WriteAsync(NewState().BeginRun(T0), first.ETag);
        var before = await File.ReadAllBytesAsync(StatePath("video-a"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(NewState().BeginRun(T0.AddHours(1)), first.ETag));

        Assert.Equal(before, await File.ReadAllBytesAsync(StatePath("video-a")));
    }

    [Fact]
    public async Task Writing_a_new_state_over_an_existing_one_is_a_conflict()
    {
        await WriteAsync(NewState());

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(NewState()));
    }

    [Fact]
    public async Task Writing_leaves_no_temporary_files_behind_and_grains_are_stored_apart()
    {
        var a = await WriteAsync(NewState("video-a"));
        await WriteAsync(NewState("video-a").BeginRun(T0), a.ETag);
        await WriteAsync(NewState("video-b"));

        Assert.Equal([FileGrainStorage.StateFileName], Directory.GetFiles(storage.DirectoryOf("video-a")).Select(Path.GetFileName));
        Assert.Equal(VideoStatus.Pending, (await ReadAsync("video-b")).State!.Status);
    }

    [Fact]
    public async Task An_empty_state_file_is_an_error_not_a_new_video()
    {
        Directory.CreateDirectory(storage.DirectoryOf("video-a"));
        await File.WriteAllBytesAsync(StatePath("video-a"), []);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync());

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_key_that_is_not_a_plain_name_names_no_folder(string key)
    {
        Assert.Throws<ArgumentException>(() => storage.DirectoryOf(key));
    }
}
