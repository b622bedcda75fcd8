using System.ComponentModel.DataAnnotations;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Render;

/// <summary>Configuration section <c>Render</c>: encoder settings and reel defaults written into each EDL, and how renders run.</summary>
public sealed class RenderOptions
{
    public const string Section = "Render";

    /// <summary>x264 preset; slower presets give smaller files for the same quality. Default <c>veryfast</c>.</summary>
    [AllowedValues("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")]
    public string Preset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor, 0 (lossless) to 51; 18-23 is visually clean. Default 20.</summary>
    [Range(0, 51)]
    public int Crf { get; set; } = 20;

    /// <summary>AAC bitrate in kbit/s. Default 160.</summary>
    [Range(32, 512)]
    public int AudioBitrateKbps { get; set; } = 160;

    /// <summary>Integrated loudness of the reel in LUFS: -16 (streaming, default), -14 (music platforms), -23 (EBU R128 broadcast).</summary>
    [AllowedValues(-14d, -16d, -23d)]
    public double LoudnessTarget { get; set; } = -16;

    /// <summary>True-peak ceiling in dBTP. Default -1.5.</summary>
    [Range(-9.0, 0.0)]
    public double TruePeak { get; set; } = -1.5;

    /// <summary>
    /// How far, in LU, a segment's gain may move from the whole source's gain to bring a quieter or louder part to the
    /// reel's level. 0 applies the source's one gain to every segment. Default 6.
    /// </summary>
    [Range(0.0, 20.0)]
    public double LevellingRange { get; set; } = 6;

    /// <summary>Picture shape: <c>Source</c> (default), <c>Vertical</c> (9:16) or <c>Square</c> (1:1), cropped to follow faces.</summary>
    public ReelFraming Framing { get; set; } = ReelFraming.Source;

    /// <summary>Crossfade (picture and sound) between segments; zero cuts. Default zero.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan Crossfade { get; set; } = TimeSpan.Zero;

    /// <summary>Sound fade in and out at every cut, so no cut clicks. Default 10 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.200")]
    public TimeSpan CutFade { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Burn word-timed captions from the transcript into the picture. Default off.</summary>
    public bool BurnCaptions { get; set; }

    /// <summary>
    /// Reels longer than this are rendered in chunks, in parallel, then joined without re-encoding the picture; shorter
    /// ones in one ffmpeg run (a chunk's fixed start-up cost is not worth it). Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ParallelAbove { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Chunks rendered at once; 0 uses one per processor core. Default 0.</summary>
    [Range(0, 64)]
    public int MaxParallelChunks { get; set; }

    public int ParallelChunks => MaxParallelChunks > 0 ? MaxParallelChunks : Environment.ProcessorCount;

    public RenderSettings ToSettings(bool toneMapHdr) =>
        new("mp4", "libx264", Preset, Crf, "yuv420p", "aac", AudioBitrateKbps, Faststart: true, toneMapHdr, AudioFadeMs: (int)CutFade.TotalMilliseconds, BurnCaptions: BurnCaptions);
}
