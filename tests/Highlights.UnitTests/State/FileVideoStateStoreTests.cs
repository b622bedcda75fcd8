using System.Text.Json;
using Highlights.Grains.State;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.State;

public sealed class FileVideoStateStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory temp = new();
    private readonly FileVideoStateStore store;

    public FileVideoStateStoreTests() => store = new FileVideoStateStore(temp.Path);

    public void Dispose() => temp.Dispose();

    private sealed record ProbeSummary(int Width, int Height, string Codec);

    private static VideoState NewState(string videoId = "video-a") =>
        VideoState.Create(videoId, new VideoSource("/media/talk.mp4", 987_654, "f00d"), new ProcessingOptions { TargetSeconds = 45, ToneMapHdr = true }, T0);

    private string StatePath(string videoId) => Path.Combine(store.VideoDirectory(videoId), "state.json");

    [Fact]
    public async Task Loading_an_unknown_video_returns_null()
    {
        Assert.Null(await store.LoadAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task A_saved_state_loads_back_with_its_fields_and_checkpoints()
    {
        var summary = new ProbeSummary(1280, 720, "h264");
        var state = NewState().BeginRun(T0).EnterStage("probe", T0)
            .CompleteStage("probe", 2, JsonSerializer.SerializeToElement(summary, StateJson.Options), TimeSpan.FromSeconds(1.25), T0)
            .EnterStage("audio", T0);

        await store.SaveAsync(state, CancellationToken.None);
        var loaded = await store.LoadAsync("video-a", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(VideoStatus.Running, loaded.Status);
        Assert.Equal("audio", loaded.CurrentStage);
        Assert.Equal(state.Source, loaded.Source);
        Assert.Equal(state.Options, loaded.Options);
        Assert.Equal(1, loaded.Attempts);
        Assert.Equal(T0, loaded.CreatedAt);
        Assert.Equal(summary, loaded.ResultOf<ProbeSummary>("probe"));
        Assert.Equal(2, loaded.Checkpoints["probe"].ResultVersion);
        Assert.Equal(1.25, loaded.Checkpoints["probe"].DurationSeconds);
    }

    [Fact]
    public async Task A_failure_survives_a_save_and_load()
    {
        var failed = NewState().BeginRun(T0).EnterStage("render", T0).Fail(FailureKind.InputRejected, "bad input", T0);

        await store.SaveAsync(failed, CancellationToken.None);
        var loaded = await store.LoadAsync("video-a", CancellationToken.None);

        Assert.Equal(failed.Failure, loaded?.Failure);
        Assert.Equal(VideoStatus.Failed, loaded?.Status);
    }

    [Fact]
    public async Task Each_save_increments_the_revision_and_stores_it()
    {
        var first = await store.SaveAsync(NewState(), CancellationToken.None);
        var second = await store.SaveAsync(first.BeginRun(T0), CancellationToken.None);

        Assert.Equal(1, first.Revision);
        Assert.Equal(2, second.Revision);
        Assert.Equal(2, (await store.LoadAsync("video-a", CancellationToken.None))?.Revision);
    }

    [Fact]
    public async Task Saving_a_stale_revision_throws_and_leaves_the_file_unchanged()
    {
        var first = await store.SaveAsync(NewState(), CancellationToken.None);
        await store.SaveAsync(first.BeginRun(T0), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(StatePath("video-a"));

        var error = await Assert.ThrowsAsync<StateConflictException>(() => store.SaveAsync(first.BeginRun(T0.AddHours(1)), CancellationToken.None));

        Assert.Equal("video-a", error.VideoId);
        Assert.Equal(before, await File.ReadAllBytesAsync(StatePath("video-a")));
    }

    [Fact]
    public async Task Saving_a_new_state_over_an_existing_one_is_a_conflict()
    {
        await store.SaveAsync(NewState(), CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => store.SaveAsync(NewState(), CancellationToken.None));
    }

    [Fact]
    public async Task Videos_are_stored_independently()
    {
        await store.SaveAsync(NewState("video-a"), CancellationToken.None);
        var b = await store.SaveAsync(NewState("video-b"), CancellationToken.None);

        Assert.Equal(1, b.Revision);
        Assert.True(File.Exists(StatePath("video-b")));
    }

    [Fact]
    public async Task Saving_leaves_no_temporary_files_behind()
    {
        var saved = await store.SaveAsync(NewState(), CancellationToken.None);
        await store.SaveAsync(saved.BeginRun(T0), CancellationToken.None);

        Assert.Equal(["state.json"], Directory.GetFiles(store.VideoDirectory("video-a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_atomic_write_that_fails_midway_keeps_the_old_content_and_no_temp_file()
    {
        var path = Path.Combine(temp.Path, "data.txt");
        await File.WriteAllTextAsync(path, "old");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(
            path,
            async stream =>
            {
                await stream.WriteAsync("new partial"u8.ToArray());
                throw new InvalidOperationException("disk on fire");
            },
            CancellationToken.None));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal(["data.txt"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_atomic_copy_replaces_the_destination_with_the_source_content()
    {
        var source = Path.Combine(temp.Path, "source.bin");
        var destination = Path.Combine(temp.Path, "destination.bin");
        await File.WriteAllBytesAsync(source, [1, 2, 3, 4]);
        await File.WriteAllBytesAsync(destination, [9]);

        await AtomicFile.CopyAsync(source, destination, CancellationToken.None);

        Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(destination));
    }

    [Fact]
    public void Abandoned_temp_files_are_removed_and_other_files_kept()
    {
        var abandoned = AtomicFile.TempPathBeside(Path.Combine(temp.Path, "audio.f32"));
        File.WriteAllText(abandoned, "half written");
        File.WriteAllText(Path.Combine(temp.Path, "state.json"), "{}");
        File.WriteAllText(Path.Combine(temp.Path, "notes.tmp"), "not hidden: not ours");

        var removed = AtomicFile.RemoveAbandoned(temp.Path);

        Assert.Equal(1, removed);
        Assert.Equal(["notes.tmp", "state.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void The_temp_path_is_a_hidden_file_in_the_same_directory()
    {
        var target = Path.Combine(temp.Path, "state.json");

        var tempPath = AtomicFile.TempPathBeside(target);

        Assert.Equal(temp.Path, Path.GetDirectoryName(tempPath));
        Assert.StartsWith(".state.json.", Path.GetFileName(tempPath), StringComparison.Ordinal);
        Assert.NotEqual(tempPath, AtomicFile.TempPathBeside(target));
    }
}
