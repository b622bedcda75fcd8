using System.Security.Cryptography;
using Highlights.Grains.State;

namespace Highlights.Cli.Models;

/// <summary>
/// Downloads one model file beside its target, hashing it as it arrives, and renames it in only when its size and
/// SHA-256 match the published ones: a failed or tampered download never leaves a file a later run would load.
/// </summary>
public sealed class ModelDownloader(HttpClient http)
{
    private const int BufferBytes = 1 << 20;

    /// <param name="progress">Bytes received so far, as they arrive.</param>
    public async Task DownloadAsync(Uri url, string target, long expectedBytes, string expectedSha256, Action<long>? progress, CancellationToken cancellationToken)
    {
        var temp = AtomicFile.TempPathBeside(target);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ModelDownloadException(
                    $"cannot download {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}. {ByHand(url, expectedSha256, target)}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var (bytes, sha256) = await CopyHashingAsync(body, temp, expectedBytes, progress, cancellationToken);
            if (bytes != expectedBytes || sha256 != expectedSha256)
            {
                throw new ModelDownloadException(
                    $"{url}: received {bytes} bytes with SHA-256 {sha256}, but the published file has {expectedBytes} bytes and SHA-256 {expectedSha256}; nothing was installed");
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
        {
            throw new ModelDownloadException(
                $"cannot download {url} ({ex.Message}): this machine seems to have no network access to it. {ByHand(url, expectedSha256, target)}", ex);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>How to install the file without this command.</summary>
    public static string ByHand(Uri url, string sha256, string target) =>
        $"To install it by hand: download {url} on a machine with network, check that sha256sum prints {sha256}, and copy the file to {target}";

    private static async Task<(long Bytes, string Sha256)> CopyHashingAsync(
        Stream body, string path, long expectedBytes, Action<long>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferBytes];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
                progress?.Invoke(total);

                // A server sending more than the published size is wrong already; stop before filling the disk.
                if (total > expectedBytes)
                {
                    break;
                }
            }

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Failures of the connection, not of this machine's disk (a full disk is its own error, not "no network").</summary>
    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or HttpIOException or IOException { InnerException: System.Net.Sockets.SocketException }
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
