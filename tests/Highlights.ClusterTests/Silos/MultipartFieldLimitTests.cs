using System.Text;
using Highlights.ClusterTests.Fixtures;
using Highlights.Silo.Keys;
using Xunit.Abstractions;

namespace Highlights.ClusterTests.Silos;

/// <summary>Upload form fields are refused as they arrive, so a flood of them costs the silo neither memory nor time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MultipartFieldLimitTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const string Boundary = "flood-boundary";
    private const int Fields = 60_000;

    /// <summary>A silo at rest is about 100 MB; buffering the flood grew it by about 450 MB.</summary>
    private const long MaxGrowthBytes = 48L << 20;

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-flood-");

    [Theory]
    [InlineData("colour", true, "unknown form field 'colour0'")]
    [InlineData("targetDuration", false, "form field 'targetDuration' appears more than once")]
    public async Task Sixty_thousand_fields_are_refused_at_the_first_bad_one_and_the_silo_does_not_grow(string name, bool numbered, string message)
    {
        await using var database = await ClusterDatabase.CreateAsync(server);
        await using var silo = SiloProcess.Start(database.ConnectionString, Path.Combine(temp.FullName, "state"), workers: 0);
        await silo.WaitUntilReadyAsync();
        var key = await new ApiKeyStore(database.Db, TimeProvider.System).CreateAsync("acme", CancellationToken.None);
        var before = PeakRss(silo.ProcessId);

        // 60,000 fields of just under 4 KB each, named colour0, colour1, ... or all alike: 232 MB, sent as fast as the silo reads.
        var value = new string('7', 3_900);
        await using var raw = await RawHttp.ConnectAsync(silo.Address);
        await raw.SendHeadAsync("POST", "/v1/videos", key, $"multipart/form-data; boundary={Boundary}", contentLength: null);
        var sent = 0;
        while (sent < Fields
            && await raw.WriteAsync(Chunk(Encoding.ASCII.GetBytes(
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}{(numbered ? sent : string.Empty)}\"\r\n\r\n{value}\r\n"))))
        {
            sent++;
        }

        byte[] end = [.. Chunk(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n")), .. "0\r\n\r\n"u8];
        await raw.WriteAsync(end);
        var answer = await raw.ReadResponseAsync(TimeSpan.FromSeconds(60));
        var growth = PeakRss(silo.ProcessId) - before;
        output.WriteLine($"{name}: {sent} fields sent, answer {answer.Status}, peak RSS {before >> 20} MB -> {(before + growth) >> 20} MB");

        Assert.True(answer.Status == 400, answer.Text);
        Assert.Contains(message, answer.Text, StringComparison.Ordinal);
        Assert.True(growth < MaxGrowthBytes, $"peak RSS grew by {growth >> 20} MB ({sent} fields sent)");
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => temp.Delete(recursive: true);

    private static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), .. data, .. "\r\n"u8];

    /// <summary>VmHWM: the most resident memory the process has had.</summary>
    private static long PeakRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
