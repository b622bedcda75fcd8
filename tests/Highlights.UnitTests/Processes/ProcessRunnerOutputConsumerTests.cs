using System.Security.Cryptography;
using Highlights.Grains.Processes;

namespace Highlights.UnitTests.Processes;

/// <summary>The binary stdout mode (video frames on a pipe), with real child processes.</summary>
public sealed class ProcessRunnerOutputConsumerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static ProcessCommand Sh(string script) => ProcessCommand.Of("sh", "-c", script);

    [Fact]
    public async Task The_bytes_match_what_the_child_wrote()
    {
        var received = new MemoryStream();
        var options = new ProcessRunOptions { OutputConsumer = (stdout, ct) => stdout.CopyToAsync(received, ct) };

        var result = await ProcessRunner.RunAsync(Sh("printf 'a\\000b\\nc\\r\\n\\377'"), options, CancellationToken.None).WaitAsync(Guard);

        Assert.Equal([(byte)'a', 0, (byte)'b', 10, (byte)'c', 13, 10, 255], received.ToArray());
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task What_the_consumer_leaves_unread_is_drained_so_the_child_can_finish()
    {
        var options = new ProcessRunOptions
        {
            OutputConsumer = async (stdout, ct) => await stdout.ReadExactlyAsync(new byte[10], ct),
        };

        var result = await ProcessRunner.RunAsync(Sh("head -c 5000000 /dev/zero"), options, CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_failing_consumer_stops_an_endless_child_and_its_exception_propagates()
    {
        var options = new ProcessRunOptions
        {
            GracefulStop = TimeSpan.FromMinutes(5),
            OutputConsumer = async (stdout, ct) =>
            {
                await stdout.ReadExactlyAsync(new byte[4096], ct);
                throw new InvalidDataException("frame analysis failed");
            },
        };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ProcessRunner.RunAsync(Sh("exec cat /dev/zero"), options, CancellationToken.None).WaitAsync(Guard));

        Assert.Equal("frame analysis failed", error.Message);
    }

    [Fact]
    public async Task A_child_that_fails_after_writing_is_a_process_failure_even_though_the_consumer_finished()
    {
        var received = 0L;
        var options = new ProcessRunOptions
        {
            OutputConsumer = async (stdout, ct) =>
            {
                var buffer = new byte[8192];
                int n;
                while ((n = await stdout.ReadAsync(buffer, ct)) > 0)
                {
                    received += n;
                }
            },
        };

        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => ProcessRunner.RunAsync(
            Sh("head -c 100000 /dev/zero; echo 'decoder error' >&2; exit 4"), options, CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(4, error.ExitCode);
        Assert.Equal("decoder error", error.StandardErrorTail);
        Assert.Equal(100_000, received);
    }

    [Fact]
    public async Task Cancelling_while_the_consumer_reads_stops_the_child_and_throws_operation_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var options = new ProcessRunOptions
        {
            OutputConsumer = async (stdout, ct) =>
            {
                await stdout.ReadExactlyAsync(new byte[1000], ct);
                await cts.CancelAsync();
                await stdout.CopyToAsync(Stream.Null, ct);
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(Sh("exec cat /dev/zero"), options, cts.Token).WaitAsync(Guard));
    }

    [Fact]
    public async Task A_digest_of_the_stream_equals_the_digest_of_the_file_it_came_from()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(777_777));
            byte[]? digest = null;
            var options = new ProcessRunOptions { OutputConsumer = async (stdout, ct) => digest = await SHA256.HashDataAsync(stdout, ct) };

            await ProcessRunner.RunAsync(ProcessCommand.Of("cat", path), options, CancellationToken.None).WaitAsync(Guard);

            Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(path)), digest);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
