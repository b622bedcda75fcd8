using System.Runtime.InteropServices;
using Highlights.Grains.Audio;
using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Render;
using Highlights.Grains.Render.Colour;
using Highlights.Grains.Selection;
using Highlights.Grains.State;
using Highlights.IntegrationTests.Fixtures;
using Microsoft.Extensions.Options;

namespace Highlights.IntegrationTests.Render;

/// <summary>Builds EDLs over generated sources with the pipeline's own builders, renders them for real, and decodes results.</summary>
public static class ReelHarness
{
    public static async Task<(EdlDocument Edl, MediaInfo Media)> EdlAsync(string source, IEnumerable<(double Start, double End)> spans, Func<RenderSettings, RenderSettings>? render = null)
    {
        var media = await Ffmpeg.ProbeAsync(source);
        var state = VideoState.Create("0123456789abcdef0123", new VideoSource(source, new FileInfo(source).Length, new string('a', 64)), new ProcessingOptions(), DateTimeOffset.UnixEpoch);
        var selection = new SelectionResult("offline", "test/1", [.. spans.Select(s => new SelectedSegment(s.Start, s.End, 1, ["test"], string.Empty))], []);
        var settings = new RenderOptions().ToSettings(false) with
        {
            Preset = "ultrafast",
            Width = media.Video!.Width,
            Height = media.Video.Height,
            Colour = ColourDecision.For(media.Video),
        };
        var edl = EdlBuilder.Build(state, media, selection, render is null ? settings : render(settings));
        return (EdlTransitions.Apply(edl, TimeSpan.Zero), media);
    }

    public static async Task<ReelRenderReport> RenderAsync(EdlDocument edl, MediaInfo media, string output, int? chunks = null)
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(output)!, $"work-{Guid.NewGuid():N}"));
        var renderer = new ReelRenderer(Ffmpeg.Tool, Options.Create(new RenderOptions { MaxParallelChunks = 2 }));
        return await renderer.RenderAsync(new ReelRenderRequest(edl, media, work.FullName, output, Chunks: chunks), CancellationToken.None);
    }

    /// <summary>The energy stage's series for a file, computed the way the stage does (16 kHz mono PCM).</summary>
    public static async Task<EnergySeries> EnergyAsync(string source)
    {
        var samples = await PcmAsync(source, 16_000);
        var analyzer = new LoudnessAnalyzer(16_000);
        analyzer.Process(samples);
        var (rms, momentary) = analyzer.Finish();
        return new EnergySeries(true, analyzer.WindowSeconds, rms, momentary, LoudnessNormaliser.Normalise(momentary));
    }

    /// <summary>Integrated loudness (LUFS) of a whole file, or of [start, start + seconds).</summary>
    public static async Task<double> LoudnessAsync(string path, double? start = null, double? seconds = null)
    {
        var measured = path;
        if (start is not null)
        {
            measured = Path.Combine(Path.GetDirectoryName(path)!, $"part-{Guid.NewGuid():N}.wav");
            await Ffmpeg.RunAsync("-ss", Seconds(start.Value), "-t", Seconds(seconds!.Value), "-i", path, "-vn", "-c:a", "pcm_f32le", measured);
        }

        var media = await Ffmpeg.ProbeAsync(measured);
        var result = await Ffmpeg.Tool.MeasureLoudnessAsync(measured, media.Audio!.Index, media.DurationSeconds, null, CancellationToken.None);
        return result!.IntegratedLufs;
    }

    /// <summary>The first audio stream decoded to mono float samples.</summary>
    public static async Task<float[]> PcmAsync(string path, int sampleRate)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pcm-{Guid.NewGuid():N}.f32");
        try
        {
            await Ffmpeg.RunAsync("-i", path, "-map", "0:a:0", "-ac", "1", "-ar", sampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "f32le", file);
            return MemoryMarshal.Cast<byte, float>(await File.ReadAllBytesAsync(file)).ToArray();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every frame's mean brightness (0..255), from frames scaled down to one pixel.</summary>
    public static async Task<byte[]> FrameBrightnessAsync(string path)
    {
        var file = Path.Combine(Path.GetTempPath(), $"luma-{Guid.NewGuid():N}.gray");
        try
        {
            await Ffmpeg.RunAsync("-i", path, "-map", "0:v:0", "-vf", "scale=1:1:flags=area,format=gray", "-f", "rawvideo", file);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>One frame as RGB24 bytes, decoded with the BT.709 limited-range matrix (what a BT.709-tagged file means).</summary>
    public static async Task<byte[]> RgbFrameAsync(string path, long frameIndex, string matrix = "bt709")
    {
        var file = Path.Combine(Path.GetTempPath(), $"rgb-{Guid.NewGuid():N}.rgb");
        try
        {
            await Ffmpeg.RunAsync(
                "-i", path, "-vf", $"select=eq(n\\,{frameIndex}),scale=in_color_matrix={matrix}:in_range=tv:flags=neighbor+accurate_rnd+full_chroma_int,format=rgb24",
                "-frames:v", "1", "-f", "rawvideo", file);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every frame as RGB24 bytes, one after the other, decoded with the BT.709 limited-range matrix.</summary>
    public static async Task<byte[]> RgbFramesAsync(string path)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rgb-{Guid.NewGuid():N}.rgb");
        try
        {
            await Ffmpeg.RunAsync("-i", path, "-map", "0:v:0", "-vf", "scale=in_color_matrix=bt709:in_range=tv,format=rgb24", "-f", "rawvideo", file);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Seconds(double value) => value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
