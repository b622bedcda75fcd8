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
    /// Each of <paramref name="selections"/> decoded and measured, up to <paramref name="decoders"/> at once, each
    /// decoder keeping its own detectors for every selection it takes (loading the cascades costs more than a short
    /// window's search). Results come back in the order of <paramref name="selections"/>, whatever order they finish in.
    /// </summary>
    /// <param name="workers">Face-search workers in all, shared out among the decoders (at least one each).</param>
    /// <param name="selections">The frames to decode, each with its expected duration (for progress).</param>
    /// <param name="decoders">
    /// Selections decoded at once. A short window spends most of its decode in the seek's lead-in from the keyframe
    /// before it, which ffmpeg's frame threads keep at about 1.4 of 2 cores; a second decoder uses the rest.
    /// </param>
    public async Task<IReadOnlyList<VisualFrames>> AnalyseAsync(
        string path, int streamIndex, FrameFormat format, double faceRate, int workers, IReadOnlyList<(FrameSelection Frames, double Seconds)> selections,
        Action<double>? progress, CancellationToken cancellationToken, int decoders = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(decoders, 1);
        var lanes = Math.Max(1, Math.Min(decoders, selections.Count));
        var total = Math.Max(1e-9, selections.Sum(s => s.Seconds));
        var results = new VisualFrames[selections.Count];
        var next = -1;
        var done = 0.0;
        var gate = new object();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Progress over all selections: the seconds of those finished plus the parts of those running.
        var running = new double[selections.Count];
        void Report(int index, double fraction, bool finished = false)
        {
            double share;
            lock (gate)
            {
                running[index] = finished ? 0 : fraction * selections[index].Seconds;
                done += finished ? selections[index].Seconds : 0;
                share = (done + running.Sum()) / total;
            }

            progress?.Invoke(Math.Clamp(share, 0, 1));
        }

        async Task LaneAsync(int detectorCount)
        {
            var detectors = new List<IFrameAnalyzer>();
            try
            {
                // Created before decoding starts, so a missing library or cascade fails at once with its own message.
                for (var i = 0; i < detectorCount; i++)
                {
                    detectors.Add(analyzers.Create());
                }

                for (var index = Interlocked.Increment(ref next); index < selections.Count; index = Interlocked.Increment(ref next))
                {
                    var (frames, seconds) = selections[index];
                    var i = index;
                    results[index] = await MeasureAsync(path, streamIndex, format, faceRate, detectors, frames, seconds, f => Report(i, f), failed.Token);
                    Report(index, 1, finished: true);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The other decoders stop too; this failure is the one reported (a cancelled lane adds none).
                await failed.CancelAsync();
                throw;
            }
            finally
            {
                foreach (var detector in detectors)
                {
                    detector.Dispose();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(() => LaneAsync(DetectorsOf(lane, lanes, workers)), CancellationToken.None)));
        return results;
    }

    /// <summary>Lane <paramref name="lane"/>'s share of <paramref name="workers"/> detectors, at least one.</summary>
    private static int DetectorsOf(int lane, int lanes, int workers) => Math.Max(1, (workers / lanes) + (lane < workers % lanes ? 1 : 0));

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
