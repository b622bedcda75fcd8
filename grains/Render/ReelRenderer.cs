using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Render.Chunks;
using Highlights.Grains.Render.Colour;
using Highlights.Grains.State;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Render;

/// <summary>
/// Renders an EDL to an MP4. Short reels take one ffmpeg run. Reels longer than <c>Render:ParallelAbove</c> are split
/// at hard cuts into chunks of about a minute (at least one per worker), rendered by up to <c>Render:MaxParallelChunks</c>
/// ffmpeg runs at once with picture encoded and sound kept as PCM, then joined by the concat demuxer: the picture is
/// copied, the sound encoded once over the whole reel, so no AAC priming or frame padding lands at a join.
/// </summary>
public sealed class ReelRenderer(IMediaTool media, IOptions<RenderOptions> options)
{
    /// <summary>A chunk aims at this length, so a crash loses little and cores stay busy to the end.</summary>
    public static readonly TimeSpan ChunkLength = TimeSpan.FromMinutes(1);

    private readonly RenderOptions settings = options.Value;

    public async Task<ReelRenderReport> RenderAsync(ReelRenderRequest request, CancellationToken cancellationToken)
    {
        var edl = request.Edl;
        var video = request.Source.Video ?? throw new InvalidOperationException($"{edl.Source.Path} has no video stream");
        var colour = edl.Render.Colour ?? ColourDecision.For(video);
        var audio = edl.Source.HasAudio ? request.Source.Audio?.Index : null;
        var reelSeconds = edl.ReelDuration ?? edl.TotalDuration;
        var chunkCount = request.Chunks ?? (reelSeconds > settings.ParallelAbove.TotalSeconds
            ? Math.Max(settings.ParallelChunks, (int)Math.Ceiling(reelSeconds / ChunkLength.TotalSeconds))
            : 1);
        var chunks = chunkCount > 1 ? ChunkPlanner.Split(edl, chunkCount) : [edl];
        if (chunks.Count == 1)
        {
            var reel = Path.Combine(request.WorkDirectory, "reel");
            await RenderOneAsync(new RenderJob(edl, video.Index, audio, colour, request.OutputPath, reel + ".graph", reel + ".ass"), request.Progress, cancellationToken);
            return new ReelRenderReport(1, 0);
        }

        var plan = PlanName(chunks);
        var done = new SortedSet<int>(request.Resume is { } resume && resume.Plan == plan ? resume.Done : []);
        done.RemoveWhere(i => !File.Exists(ChunkPath(request.WorkDirectory, i)));
        var reused = done.Count;
        var seconds = chunks.Select(c => c.ReelDuration ?? c.TotalDuration).ToArray();
        var fractions = chunks.Select((_, i) => done.Contains(i) ? 1.0 : 0.0).ToArray();
        var gate = new Lock();
        void Report(int chunk, double fraction)
        {
            lock (gate)
            {
                fractions[chunk] = fraction;
                request.Progress?.Invoke(0.95 * fractions.Zip(seconds, (f, s) => f * s).Sum() / seconds.Sum());
            }
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks.Count).Where(i => !done.Contains(i)),
            new ParallelOptions { MaxDegreeOfParallelism = settings.ParallelChunks, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var path = ChunkPath(request.WorkDirectory, i);
                await RenderOneAsync(
                    new RenderJob(chunks[i], video.Index, audio, colour, path, Beside(path, "graph"), Beside(path, "ass"), RenderOutput.Chunk),
                    fraction => Report(i, fraction),
                    ct);
                ChunkProgress progress;
                lock (gate)
                {
                    done.Add(i);
                    progress = new ChunkProgress(plan, [.. done]);
                }

                if (request.SaveProgress is { } save)
                {
                    await save(progress, ct);
                }
            });

        await JoinAsync(chunks, seconds, audio is not null, request, cancellationToken);
        request.Progress?.Invoke(1);
        for (var i = 0; i < chunks.Count; i++)
        {
            File.Delete(ChunkPath(request.WorkDirectory, i));
        }

        return new ReelRenderReport(chunks.Count, reused);
    }

    private async Task RenderOneAsync(RenderJob job, Action<double>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.ProduceAsync(job.OutputPath, async temp =>
            {
                var command = RenderCommandBuilder.Build(job with { OutputPath = temp });
                await File.WriteAllTextAsync(job.GraphPath, command.FilterGraph, cancellationToken);
                if (command.Captions is not null)
                {
                    await File.WriteAllTextAsync(job.CaptionsPath, command.Captions, new UTF8Encoding(false), cancellationToken);
                }

                await media.RunFfmpegAsync(command.Arguments, command.OutputSeconds, progress, cancellationToken);
            });
        }
        finally
        {
            File.Delete(job.GraphPath);
            File.Delete(job.CaptionsPath);
        }
    }

    private async Task JoinAsync(IReadOnlyList<EdlDocument> chunks, double[] seconds, bool withAudio, ReelRenderRequest request, CancellationToken cancellationToken)
    {
        var render = request.Edl.Render;
        var list = Path.Combine(request.WorkDirectory, "chunks.ffconcat");
        await File.WriteAllTextAsync(
            list,
            ConcatList.Write(chunks.Select((_, i) => (Path.GetFileName(ChunkPath(request.WorkDirectory, i)), seconds[i]))),
            cancellationToken);
        List<string> args = ["-f", "concat", "-safe", "0", "-i", list, "-map", "0:v:0", "-c:v", "copy"];
        if (withAudio)
        {
            args.AddRange(["-map", "0:a:0", "-c:a", render.AudioCodec, "-b:a", $"{render.AudioBitrateKbps}k"]);
        }

        if (render.Faststart)
        {
            args.AddRange(["-movflags", "+faststart"]);
        }

        try
        {
            await AtomicFile.ProduceAsync(request.OutputPath, temp => media.RunFfmpegAsync(
                [.. args, "-f", render.Container, temp], seconds.Sum(), fraction => request.Progress?.Invoke(0.95 + (0.05 * fraction)), cancellationToken));
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static string ChunkPath(string workDirectory, int index) => Path.Combine(workDirectory, $"chunk-{index:000}.mov");

    private static string Beside(string path, string extension) => Path.ChangeExtension(path, "." + extension);

    /// <summary>A name for the split: a hash of every chunk's EDL, so any change to what a chunk holds renames the plan.</summary>
    private static string PlanName(IReadOnlyList<EdlDocument> chunks)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(chunks, StateJson.Options));
        return $"{chunks[0].VideoId}/{chunks.Count}/{Convert.ToHexStringLower(hash)[..16]}";
    }
}
