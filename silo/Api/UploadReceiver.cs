using System.Security.Cryptography;
using Highlights.Grains.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Highlights.Silo.Api;

/// <summary>
/// Streams the multipart field <c>file</c> to disk while hashing it (never the whole body in memory), refuses it
/// past <see cref="ApiOptions.MaxUploadBytes"/> leaving nothing behind, and keeps it under its content hash.
/// Other fields are small text options, each named in <see cref="SubmitOptions.FormFields"/> and sent at most once:
/// anything else is refused as soon as its part header arrives, so no flood of fields is ever held in memory.
/// </summary>
public sealed class UploadReceiver(IOptions<ApiOptions> options, IOptions<StateOptions> state)
{
    public const string FileField = "file";
    private const int MaxFieldBytes = 4096;

    /// <summary>RFC 2046's limit, which the multipart reader enforces by throwing.</summary>
    private const int MaxBoundaryLength = 70;

    /// <summary>The file and each option once; parts that are not form fields count too.</summary>
    private static readonly int MaxParts = SubmitOptions.FormFields.Count + 1;

    /// <summary>Multipart framing around the file: boundaries, part headers and the option fields.</summary>
    private const long EnvelopeAllowance = 64 * 1024;

    public string Directory { get; } = Path.GetFullPath(options.Value.UploadDirectory ?? Path.Combine(state.Value.Directory, "uploads"));

    public async Task<ReceivedUpload> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit + EnvelopeAllowance)
        {
            throw TooLarge(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + EnvelopeAllowance;
        }

        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            ? HeaderUtilities.RemoveQuotes(contentType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw new SourceRejectedException($"multipart upload without a boundary of 1 to {MaxBoundaryLength} characters in its Content-Type");
        }

        System.IO.Directory.CreateDirectory(Directory);
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? stored = null;
        long size = 0;
        string? sha256 = null;
        try
        {
            var parts = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > MaxParts)
                {
                    throw new SourceRejectedException($"a multipart upload has at most {MaxParts} parts: file, {string.Join(", ", SubmitOptions.FormFields)}");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (name == FileField && disposition.IsFileDisposition())
                {
                    if (stored is not null)
                    {
                        throw new SourceRejectedException("send one file per upload");
                    }

                    (stored, size, sha256) = await StoreAsync(section.Body, limit, cancellationToken);
                }
                else
                {
                    SubmitOptions.CheckFormField(name);
                    if (fields.ContainsKey(name))
                    {
                        throw new SourceRejectedException($"form field '{name}' appears more than once");
                    }

                    fields[name] = await ReadFieldAsync(section.Body, name, cancellationToken);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            // The reader's own limits: a part header past 16 KB or with too many lines.
            DeleteStored(stored);
            throw new SourceRejectedException($"malformed multipart body: {ex.Message}");
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            DeleteStored(stored);
            throw new SourceRejectedException(
                $"the multipart body ended before its closing boundary '--{Echo.Of(boundary)}--' (cut short, or not the boundary its Content-Type names)");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
        catch
        {
            DeleteStored(stored);
            throw;
        }

        if (stored is null)
        {
            throw new SourceRejectedException($"multipart upload without a '{FileField}' field");
        }

        return new ReceivedUpload(stored, size, sha256!, fields);
    }

    private static void DeleteStored(string? stored)
    {
        if (stored is not null)
        {
            File.Delete(stored);
        }
    }

    /// <summary>Keeps an accepted upload under its content hash; the same content uploaded twice is one file.</summary>
    public string Keep(ReceivedUpload upload)
    {
        var final = Path.Combine(Directory, upload.Sha256 + ".video");
        File.Move(upload.TempPath, final, overwrite: true);
        return final;
    }

    private async Task<(string Path, long Size, string Sha256)> StoreAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var temp = AtomicFile.TempPathBeside(Path.Combine(Directory, "upload"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > limit)
                {
                    throw TooLarge(limit);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return (temp, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxFieldBytes)
            {
                throw new SourceRejectedException($"form field '{name}' is longer than {MaxFieldBytes} bytes");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static SourceRejectedException TooLarge(long limit) =>
        new($"upload is larger than the limit of {limit} bytes (Api:MaxUploadBytes)", StatusCodes.Status413PayloadTooLarge);
}

/// <param name="TempPath">Where the file waits until <see cref="UploadReceiver.Keep"/>; the caller deletes it if it refuses the upload.</param>
public sealed record ReceivedUpload(string TempPath, long SizeBytes, string Sha256, IReadOnlyDictionary<string, string> Fields);
