using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// Decodes a video into grey frames and measures them while decoding continues. The reader measures motion and
/// histogram distance in frame order (cheap, and each needs the previous frame); frames due for a face search go
/// through a bounded channel to one worker per core, each with its own detector. The channel's bound keeps memory
/// flat and makes the decoder wait when the searches fall behind.
/// </summary>
public sealed class VisualAnalyzer(IFrameSource source, IFrameAnalyzerFactory analyzers)
{
    /// <param name="faceRate">Face samples per second, at most <paramref name="format"/>'s rate.</param>
    /// <param name="workers">Face-search workers running beside the decoder.</param>
    /// <param name="expectedSeconds">Duration of what is decoded, for progress.</param>
    /// <param name="selection">Which frames; the frames of a window are timed from its start.</param>
    public async Task<VisualFrames> AnalyseAsync(
        string path, int streamIndex, FrameFormat format, double faceRate, int workers, double expectedSeconds,
        Action<double>? progress, CancellationToken cancellationToken, FrameSelection? selection = null) =>
        (await AnalyseAsync(path, streamIndex, format, faceRate, workers, [(selection ?? FrameSelection.All, expectedSeconds)], progress, cancellationToken))[0];

    /// <summary>
    /// Each of <paramref name="selections"/> decoded and measured in turn with the same detectors (loading the
    /// cascades costs more than a short window's search).
    /// </summary>
    /// <param name="selections">The frames to decode, each with its expected duration (for progress).</param>
    public async Task<IReadOnlyList<VisualFrames>> AnalyseAsync(
        string path, int streamIndex, FrameFormat format, double faceRate, int workers, IReadOnlyList<(FrameSelection Frames, double Seconds)> selections,
        Action<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var detectors = new List<IFrameAnalyzer>();
        try
        {
            // Created before decoding starts, so a missing library or cascade fails at once with its own message.
            for (var i = 0; i < workers; i++)
            {
                detectors.Add(analyzers.Create());
            }

            var total = Math.Max(1e-9, selections.Sum(s => s.Seconds));
            var done = 0.0;
            var results = new List<VisualFrames>();
            foreach (var (frames, seconds) in selections)
            {
                var before = done;
                results.Add(await MeasureAsync(
                    path, streamIndex, format, faceRate, detectors, frames, seconds, f => progress?.Invoke((before + (f * seconds)) / total), cancellationToken));
                done += seconds;
            }

            return results;
        }
        finally
        {
            foreach (var detector in detectors)
            {
                detector.Dispose();
            }
        }
    }

    private async Task<VisualFrames> MeasureAsync(
        string path, int streamIndex, FrameFormat format, double faceRate, IReadOnlyList<IFrameAnalyzer> detectors, FrameSelection selection,
        double expectedSeconds, Action<double>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(format, faceRate, expectedSeconds, progress);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<FrameJob>(new BoundedChannelOptions(2 * detectors.Count) { SingleWriter = true, SingleReader = false });
        var searches = detectors.Select(d => Task.Run(() => SearchAsync(d, channel.Reader, run, failed), CancellationToken.None)).ToArray();
        Exception? decodeError = null;
        try
        {
            await source.StreamAsync(path, streamIndex, format, selection, (stdout, ct) => run.ReadAsync(stdout, channel.Writer, ct), failed.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A search failed and stopped the decoder; its own exception follows from the searches below.
        }
        catch (Exception ex)
        {
            // Searches must stop before their detectors are disposed.
            decodeError = ex;
            await failed.CancelAsync();
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(searches);
        }
        catch (OperationCanceledException) when (decodeError is not null)
        {
            // Stopped because decoding failed; that failure is the one to report.
        }

        if (decodeError is not null)
        {
            ExceptionDispatchInfo.Throw(decodeError);
        }

        return run.Result();
    }

    private static async Task SearchAsync(IFrameAnalyzer detector, ChannelReader<FrameJob> jobs, Run run, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var job in jobs.ReadAllAsync(failed.Token))
            {
                try
                {
                    var faces = detector.FindFaces(job.Pixels.AsSpan(0, run.Format.FrameBytes), run.Format.Width, run.Format.Height, run.Format.Width);
                    run.Faces[job.FaceSample] = FrameFaces.Summarise(faces, run.Format.Height);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(job.Pixels);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private readonly record struct FrameJob(int FaceSample, byte[] Pixels);

    /// <summary>State of one analysis: the reader's per-frame series and the workers' face results.</summary>
    private sealed class Run(FrameFormat format, double faceRate, double expectedSeconds, Action<double>? progress)
    {
        private readonly List<float> motion = [];
        private readonly List<float> distances = [];

        public FrameFormat Format { get; } = format;

        public ConcurrentDictionary<int, FrameFaces> Faces { get; } = new();

        public async Task ReadAsync(Stream stdout, ChannelWriter<FrameJob> jobs, CancellationToken cancellationToken)
        {
            var size = Format.FrameBytes;
            var previous = new byte[size];
            var histogram = new int[GreyHistogram.Bins];
            var previousHistogram = new int[GreyHistogram.Bins];
            var expectedFrames = Math.Max(1, expectedSeconds * Format.Rate);
            var nextFaceSample = 0;
            for (var frame = 0; ; frame++)
            {
                var pixels = ArrayPool<byte>.Shared.Rent(size);
                var read = await stdout.ReadAtLeastAsync(pixels.AsMemory(0, size), size, throwOnEndOfStream: false, cancellationToken);
                if (read < size)
                {
                    // End of stream; a short tail is a frame the decoder never finished.
                    ArrayPool<byte>.Shared.Return(pixels);
                    return;
                }

                var current = pixels.AsSpan(0, size);
                GreyHistogram.Fill(current, histogram);
                motion.Add(frame == 0 ? 0f : (float)FrameDifference.MotionEnergy(previous, current));
                distances.Add(frame == 0 ? 0f : (float)GreyHistogram.Distance(previousHistogram, histogram));
                current.CopyTo(previous);
                histogram.CopyTo(previousHistogram, 0);

                // Sample j is the first frame at or after j / faceRate seconds.
                if (frame / Format.Rate >= (nextFaceSample / faceRate) - 1e-9)
                {
                    await jobs.WriteAsync(new FrameJob(nextFaceSample++, pixels), cancellationToken);
                }
                else
                {
                    ArrayPool<byte>.Shared.Return(pixels);
                }

                if (frame % 16 == 0)
                {
                    progress?.Invoke(Math.Clamp(frame / expectedFrames, 0, 1));
                }
            }
        }

        public VisualFrames Result()
        {
            var samples = Faces.IsEmpty ? 0 : Faces.Keys.Max() + 1;
            var faces = Enumerable.Range(0, samples).Select(j => Faces.GetValueOrDefault(j)).ToArray();
            return new VisualFrames(
                Format,
                faceRate,
                [.. motion],
                [.. distances],
                SceneCutRule.Cuts(distances.Select(d => (double)d).ToList()),
                [.. faces.Select(f => (float)f.Count)],
                [.. faces.Select(f => (float)f.LargestFace)],
                [.. faces.Select(f => (float)f.Smile)]);
        }
    }
}
