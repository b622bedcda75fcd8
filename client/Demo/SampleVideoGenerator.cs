using System.Globalization;
using System.Text;
using Highlights.Grains.Captions;
using Highlights.Grains.Media;
using Highlights.Grains.Processes;

namespace Highlights.Cli.Demo;

/// <summary>
/// Makes a talk-like video from scratch: each line spoken by espeak-ng, placed on a timeline with gaps, pink
/// "crowd" noise under the excited lines, over a moving test pattern; plus an SRT sidecar with the exact times.
/// </summary>
public sealed class SampleVideoGenerator(IMediaTool media, string espeakPath = "espeak-ng")
{
    public async Task<SampleVideo> GenerateAsync(SampleVideoSpec spec, string videoPath, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("highlights-sample-");
        try
        {
            var lines = await SpeakAsync(spec, work.FullName, cancellationToken);
            var duration = lines.Count == 0 ? 5 : lines[^1].Cue.End + spec.GapSeconds + 0.5;
            await RenderAsync(spec, lines, duration, videoPath, cancellationToken);

            var cues = lines.Select(l => l.Cue).ToList();
            var captionsPath = Path.ChangeExtension(videoPath, ".srt");
            await File.WriteAllTextAsync(captionsPath, SrtWriter.Write(cues), new UTF8Encoding(false), cancellationToken);
            var excited = lines.Where(l => l.Line.Excited).Select(l => l.Cue).ToList();
            return new SampleVideo(Path.GetFullPath(videoPath), Path.GetFullPath(captionsPath), duration, cues, excited);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A talk of at least <paramref name="minimumSeconds"/>: the spec rendered once, then looped by stream copy
    /// (cheap at any length), with the captions repeated at each loop's offset.
    /// </summary>
    public async Task<SampleVideo> GenerateLoopedAsync(SampleVideoSpec spec, string videoPath, double minimumSeconds, CancellationToken cancellationToken)
    {
        var onePass = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(videoPath))!, $".one-pass-{Guid.NewGuid():N}.mp4");
        try
        {
            var single = await GenerateAsync(spec, onePass, cancellationToken);
            File.Delete(single.CaptionsPath);
            var period = (await media.ProbeAsync(onePass, cancellationToken)).DurationSeconds;
            var loops = Math.Max(1, (int)Math.Ceiling(minimumSeconds / period));
            await media.RunFfmpegAsync(
                ["-stream_loop", (loops - 1).ToString(CultureInfo.InvariantCulture), "-i", onePass, "-c", "copy", "-f", "mp4", videoPath],
                period * loops,
                null,
                cancellationToken);

            var repeat = (IReadOnlyList<Cue> cues) => Enumerable.Range(0, loops)
                .SelectMany(i => cues.Select(c => c with { Start = Math.Round(c.Start + (i * period), 3), End = Math.Round(c.End + (i * period), 3) }))
                .ToList();
            var captionsPath = Path.ChangeExtension(videoPath, ".srt");
            var lines = repeat(single.Lines);
            await File.WriteAllTextAsync(captionsPath, SrtWriter.Write(lines), new UTF8Encoding(false), cancellationToken);
            return new SampleVideo(Path.GetFullPath(videoPath), Path.GetFullPath(captionsPath), period * loops, lines, repeat(single.ExcitedLines));
        }
        finally
        {
            File.Delete(onePass);
        }
    }

    private async Task<List<(DemoLine Line, Cue Cue, string Wav)>> SpeakAsync(SampleVideoSpec spec, string work, CancellationToken cancellationToken)
    {
        var spoken = new List<(DemoLine, Cue, string)>();
        var time = spec.GapSeconds;
        foreach (var (line, index) in spec.Lines.Select((l, i) => (l, i)))
        {
            var wav = Path.Combine(work, $"line{index:000}.wav");
            await ProcessRunner.RunAsync(ProcessCommand.Of(espeakPath, "-v", "en-us", "-s", "165", "-w", wav, line.Text), new ProcessRunOptions(), cancellationToken);
            var length = (await media.ProbeAsync(wav, cancellationToken)).DurationSeconds;
            spoken.Add((line, new Cue(Math.Round(time, 3), Math.Round(time + length, 3), line.Text), wav));
            time += length + spec.GapSeconds;
        }

        return spoken;
    }

    private Task RenderAsync(SampleVideoSpec spec, List<(DemoLine Line, Cue Cue, string Wav)> lines, double duration, string videoPath, CancellationToken cancellationToken)
    {
        var seconds = ProcessCommand.Seconds(duration);
        var args = new List<string> { "-f", "lavfi", "-i", $"testsrc2=size={spec.Width}x{spec.Height}:rate={spec.Fps}:duration={seconds}" };
        if (!spec.WithAudio || lines.Count == 0)
        {
            args.AddRange(["-map", "0:v", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mp4", videoPath]);
            return media.RunFfmpegAsync(args, duration, null, cancellationToken);
        }

        var graph = new StringBuilder();
        var mixInputs = new StringBuilder("[bed]");
        args.AddRange(["-f", "lavfi", "-i", $"anullsrc=r=48000:cl=mono:d={seconds}"]);
        graph.Append("[1:a]anull[bed];");
        var input = 2;
        foreach (var (line, cue, wav) in lines)
        {
            args.AddRange(["-i", wav]);
            graph.Append(CultureInfo.InvariantCulture, $"[{input}:a]aresample=48000,adelay={Milliseconds(cue.Start)}:all=1[s{input}];");
            mixInputs.Append(CultureInfo.InvariantCulture, $"[s{input}]");
            input++;
            if (line.Excited)
            {
                var noise = ProcessCommand.Seconds(cue.Duration + 0.6);
                args.AddRange(["-f", "lavfi", "-i", $"anoisesrc=color=pink:amplitude={ProcessCommand.Seconds(spec.CrowdAmplitude)}:sample_rate=48000:duration={noise}"]);
                graph.Append(CultureInfo.InvariantCulture, $"[{input}:a]adelay={Milliseconds(Math.Max(0, cue.Start - 0.3))}:all=1[s{input}];");
                mixInputs.Append(CultureInfo.InvariantCulture, $"[s{input}]");
                input++;
            }
        }

        graph.Append(mixInputs).Append(CultureInfo.InvariantCulture, $"amix=inputs={input - 1}:normalize=0:duration=first[a]");
        args.AddRange([
            "-filter_complex", graph.ToString(), "-map", "0:v", "-map", "[a]",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-t", seconds, "-f", "mp4", videoPath,
        ]);
        return media.RunFfmpegAsync(args, duration, null, cancellationToken);
    }

    private static string Milliseconds(double seconds) => ((long)Math.Round(seconds * 1000)).ToString(CultureInfo.InvariantCulture);
}
