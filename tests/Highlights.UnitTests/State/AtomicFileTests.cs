using Highlights.Grains.State;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.State;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

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
