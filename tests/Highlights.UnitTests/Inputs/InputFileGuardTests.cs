using Highlights.Grains.Actor;
using Highlights.Grains.Captions;
using Highlights.Grains.Inputs;
using Highlights.Grains.Processes;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Inputs;

/// <summary>Issue 11, findings 2-4: the guard every opened file passes, on real files, links and FIFOs.</summary>
public sealed class InputFileGuardTests : IDisposable
{
    /// <summary>Long enough for any check to finish; only a call blocked on the FIFO would reach it.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    private readonly TempDirectory temp = new();
    private readonly string root;
    private readonly string outside;

    public InputFileGuardTests()
    {
        root = Directory.CreateDirectory(Path.Combine(temp.Path, "media")).FullName;
        outside = Directory.CreateDirectory(Path.Combine(temp.Path, "private")).FullName;
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_fifo_is_not_a_regular_file_and_opening_it_does_not_wait_for_a_writer()
    {
        var fifo = await FifoAsync(Path.Combine(root, "pipe.srt"));

        Assert.False(RegularFile.Is(fifo));
        Assert.Null(await Task.Run(() => RegularFile.OpenRead(fifo)).WaitAsync(Hang));
        Assert.Null(new InputFileGuard([root]).Check(fifo, out var reason));
        Assert.Equal("is not a regular file", reason);
    }

    [Fact]
    public void A_folder_given_as_a_file_is_named_a_directory()
    {
        var error = Assert.Throws<InputRejectedException>(() => InputFileGuard.Unrestricted.Admit(root, "source file"));

        Assert.Equal($"{root}: source file is a directory", error.Message);
    }

    [Fact]
    public async Task Parsing_a_fifo_as_captions_is_refused_without_blocking()
    {
        var fifo = await FifoAsync(Path.Combine(root, "pipe.srt"));

        var parse = Task.Run(() => CaptionParser.ParseFileAsync(fifo, CaptionLimits.Default, CancellationToken.None));
        var error = await Assert.ThrowsAsync<CaptionRejectedException>(() => parse.WaitAsync(Hang));

        Assert.Contains("is not a regular file", error.Message);
    }

    [Fact]
    public void A_link_out_of_the_roots_is_refused_and_one_inside_is_admitted_as_its_target()
    {
        var secret = Write(Path.Combine(outside, "secret.srt"), "secret");
        var inside = Write(Path.Combine(root, "talk.en.srt"), "fine");
        var escape = Path.Combine(root, "talk.srt");
        File.CreateSymbolicLink(escape, secret);
        var alias = Path.Combine(root, "alias.srt");
        File.CreateSymbolicLink(alias, inside);
        var guard = new InputFileGuard([root]);

        Assert.Null(guard.Check(escape, out var reason));
        Assert.Equal("is outside the allowed roots", reason);
        Assert.Equal(RealPath.Resolve(inside), guard.Check(alias, out _));
        Assert.Equal(RealPath.Resolve(secret), InputFileGuard.Unrestricted.Check(escape, out _));
        Assert.Contains("talk.srt: caption file is outside the allowed roots", Assert.Throws<InputRejectedException>(() => guard.OpenRead(escape, "caption file")).Message);
    }

    [Fact]
    public async Task Content_that_no_longer_hashes_as_submitted_is_refused_where_files_are_confined()
    {
        var file = Write(Path.Combine(root, "talk.mp4"), "as submitted");
        var submitted = await Highlights.Grains.Hashing.ContentHash.Sha256Async(file, CancellationToken.None);
        var guard = new InputFileGuard([root]);
        await guard.VerifyAsync(file, submitted, "source file", CancellationToken.None);

        Write(file, "swapped in later");

        var error = await Assert.ThrowsAsync<InputRejectedException>(() => guard.VerifyAsync(file, submitted, "source file", CancellationToken.None));
        Assert.Contains("talk.mp4: source file changed since the video was submitted", error.Message);
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<string> FifoAsync(string path)
    {
        await ProcessRunner.RunAsync(ProcessCommand.Of("mkfifo", path), new ProcessRunOptions(), CancellationToken.None);
        return path;
    }
}
