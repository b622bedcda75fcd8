using System.Collections.Concurrent;
using Highlights.Grains.Signals.Visual;

namespace Highlights.UnitTests.Signals;

/// <summary>The decode/analysis pipeline with hand-made frames in place of ffmpeg and a scripted face finder in place of OpenCV.</summary>
public sealed class VisualAnalyzerTests
{
    private static readonly FrameFormat Format = new(64, 36, 4);

    /// <summary>Serves frames from memory as if decoded; can end with a half frame, or fail after serving.</summary>
    private sealed class MemoryFrameSource(IReadOnlyList<byte[]> frames, int extraBytes = 0) : IFrameSource
    {
        public bool ConsumerFailed { get; private set; }

        public async Task StreamAsync(string path, int streamIndex, FrameFormat format, FrameSelection selection, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken)
        {
            var bytes = frames.SelectMany(f => f).Concat(new byte[extraBytes]).ToArray();
            try
            {
                await consume(new MemoryStream(bytes), cancellationToken);
            }
            catch
            {
                ConsumerFailed = true;
                throw;
            }
        }
    }

    /// <summary>Reports one face per frame whose first pixel is 200 (smiling when its second pixel is 255); records the frames it saw.</summary>
    private sealed class ScriptedFaces(ConcurrentBag<byte> seen, int failOnFirstPixel = -1) : IFrameAnalyzer, IFrameAnalyzerFactory
    {
        public IFrameAnalyzer Create() => new ScriptedFaces(seen, failOnFirstPixel);

        public IReadOnlyList<DetectedFace> FindFaces(ReadOnlySpan<byte> grey, int width, int height, int stride)
        {
            seen.Add(grey[2]);
            if (grey[0] == failOnFirstPixel)
            {
                throw new InvalidOperationException("detector broke");
            }

            return grey[0] == 200 ? [new DetectedFace(0, 0, 4, height / 2, false, grey[1] == 255 ? 0.9 : 0)] : [];
        }

        public void Dispose()
        {
        }
    }

    /// <summary>A frame filled with <paramref name="fill"/>; pixels 0..2 carry the script (face, smile, frame number).</summary>
    private static byte[] Frame(byte fill, byte face = 0, byte smile = 0, byte number = 0)
    {
        var frame = Enumerable.Repeat(fill, Format.FrameBytes).ToArray();
        (frame[0], frame[1], frame[2]) = (face, smile, number);
        return frame;
    }

    private static Task<VisualFrames> AnalyseAsync(IFrameSource source, IFrameAnalyzerFactory faces, double faceRate = 4, int workers = 2) =>
        new VisualAnalyzer(source, faces).AnalyseAsync("in.mp4", 0, Format, faceRate, workers, 10, null, CancellationToken.None);

    [Fact]
    public async Task Motion_and_cuts_come_from_consecutive_frames_in_order()
    {
        // 10 to 12 stays in one histogram bin: motion without a cut. 12 to 240 is a cut.
        var frames = new[] { Frame(10), Frame(10), Frame(12), Frame(12), Frame(240), Frame(240), Frame(240) }
            .Select((f, i) => { f[2] = (byte)i; return f; }).ToList();

        var result = await AnalyseAsync(new MemoryFrameSource(frames), new ScriptedFaces([]));

        Assert.Equal(7, result.Frames);
        Assert.Equal(0, result.Motion[0]);
        Assert.Equal(0, result.Motion[1], 2);
        Assert.Equal(2 / 255.0, result.Motion[2], 2);
        Assert.Equal(228 / 255.0, result.Motion[4], 2);
        Assert.Equal([false, false, false, false, true, false, false], result.SceneCut);
    }

    [Fact]
    public async Task Faces_are_searched_at_the_face_rate_and_land_on_their_own_sample_whatever_worker_finished_first()
    {
        var seen = new ConcurrentBag<byte>();
        var frames = Enumerable.Range(0, 12).Select(i => Frame(50, face: (byte)(i % 4 == 0 ? 200 : 0), smile: (byte)(i == 8 ? 255 : 0), number: (byte)i)).ToList();

        var result = await AnalyseAsync(new MemoryFrameSource(frames), new ScriptedFaces(seen), faceRate: 2, workers: 3);

        Assert.Equal([0, 2, 4, 6, 8, 10], seen.Order().Select(b => (int)b));
        Assert.Equal([1f, 0f, 1f, 0f, 1f, 0f], result.FaceCount);
        Assert.Equal([0.5f, 0f, 0.5f, 0f, 0.5f, 0f], result.LargestFace);
        Assert.Equal([0f, 0f, 0f, 0f, 0.9f, 0f], result.Smile);
        Assert.Equal(2, result.FaceRate);
    }

    [Fact]
    public async Task A_half_frame_at_the_end_of_the_stream_is_dropped()
    {
        var frames = new[] { Frame(1), Frame(2) };

        var result = await AnalyseAsync(new MemoryFrameSource(frames, extraBytes: Format.FrameBytes / 2), new ScriptedFaces([]));

        Assert.Equal(2, result.Frames);
    }

    [Fact]
    public async Task A_detector_failure_stops_decoding_and_is_the_error_reported()
    {
        var frames = Enumerable.Range(0, 200).Select(i => Frame(60, face: (byte)(i == 3 ? 77 : 0))).ToList();
        var source = new MemoryFrameSource(frames);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AnalyseAsync(source, new ScriptedFaces([], failOnFirstPixel: 77)));

        Assert.Equal("detector broke", error.Message);
        Assert.True(source.ConsumerFailed, "the frame reader must stop when a search fails");
    }

    [Fact]
    public async Task An_empty_stream_gives_empty_series()
    {
        var result = await AnalyseAsync(new MemoryFrameSource([]), new ScriptedFaces([]));

        Assert.Equal(0, result.Frames);
        Assert.Empty(result.FaceCount);
    }

    /// <summary>
    /// Serves window k (started at second k) as k + 1 frames of fill 10·k; window 0 is held back until window 1 has
    /// been served, so it can finish only when another decoder runs beside it.
    /// </summary>
    private sealed class WindowFrameSource(int failWindow = -1, double holdSeconds = 10) : IFrameSource
    {
        private readonly TaskCompletionSource secondServed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task StreamAsync(string path, int streamIndex, FrameFormat format, FrameSelection selection, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken)
        {
            var window = (int)selection.Start;
            if (window == 0)
            {
                await secondServed.Task.WaitAsync(TimeSpan.FromSeconds(holdSeconds), cancellationToken);
            }

            if (window == failWindow)
            {
                throw new IOException($"window {window} unreadable");
            }

            var frames = Enumerable.Range(0, window + 1).SelectMany(_ => Frame((byte)(10 * window)));
            await consume(new MemoryStream([.. frames]), cancellationToken);
            if (window == 1)
            {
                secondServed.TrySetResult();
            }
        }
    }

    private static Task<IReadOnlyList<VisualFrames>> AnalyseWindowsAsync(IFrameSource source, int windows, int decoders, List<double>? progress = null) =>
        new VisualAnalyzer(source, new ScriptedFaces([])).AnalyseAsync(
            "in.mp4", 0, Format, 4, 2, [.. Enumerable.Range(0, windows).Select(k => (FrameSelection.Window(k, 1), 1.0))],
            progress is null ? null : f => { lock (progress) { progress.Add(f); } }, CancellationToken.None, decoders);

    [Fact]
    public async Task Two_decoders_measure_windows_side_by_side_and_return_them_in_the_order_asked()
    {
        var progress = new List<double>();

        var results = await AnalyseWindowsAsync(new WindowFrameSource(), windows: 5, decoders: 2, progress);

        Assert.Equal([1, 2, 3, 4, 5], results.Select(r => r.Frames));
        Assert.All(progress, p => Assert.InRange(p, 0, 1));
        Assert.Equal(1, progress.Max(), 6);
    }

    [Fact]
    public async Task One_decoder_takes_the_windows_one_after_another()
    {
        // Window 0 waits for window 1, which a single decoder reaches only after window 0: the hold times out.
        await Assert.ThrowsAsync<TimeoutException>(() => AnalyseWindowsAsync(new WindowFrameSource(holdSeconds: 1), windows: 2, decoders: 1));
    }

    [Fact]
    public async Task A_window_that_fails_to_decode_stops_the_other_decoders_and_is_the_error_reported()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => AnalyseWindowsAsync(new WindowFrameSource(failWindow: 1), windows: 6, decoders: 2));

        Assert.Equal("window 1 unreadable", error.Message);
    }
}
