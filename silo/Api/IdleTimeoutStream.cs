using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Highlights.Silo.Api;

/// <summary>
/// A request body that fails with 408 when the client sends nothing for <c>Api:BodyIdleTimeout</c>, timed on the
/// host's <see cref="TimeProvider"/>: a stalled upload frees its request and its temp file instead of holding them.
/// It reads the body pipe itself and ends a wait with the pipe's own <see cref="PipeReader.CancelPendingRead"/>, handing
/// the buffer back: a cancelled token, or the stock body stream, would leave Kestrel's reader mid-read and unable to
/// finish the request.
/// </summary>
public sealed class IdleTimeoutStream(PipeReader body, TimeSpan timeout, TimeProvider time) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ReadResult result;
        using (var idle = new CancellationTokenSource(timeout, time))
        await using (idle.Token.UnsafeRegister(_ => body.CancelPendingRead(), null))
        {
            result = await body.ReadAsync(cancellationToken);
        }

        if (result.IsCanceled)
        {
            body.AdvanceTo(result.Buffer.Start);
            throw new BadHttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"the request body stalled: nothing arrived for {timeout.TotalSeconds:0.#} s (Api:BodyIdleTimeout)"),
                StatusCodes.Status408RequestTimeout);
        }

        var count = (int)Math.Min(buffer.Length, result.Buffer.Length);
        result.Buffer.Slice(0, count).CopyTo(buffer.Span);
        body.AdvanceTo(result.Buffer.GetPosition(count));
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("request bodies are read asynchronously");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
