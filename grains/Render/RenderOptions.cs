using System.ComponentModel.DataAnnotations;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Render;

/// <summary>Configuration section <c>Render</c>: encoder settings written into each EDL.</summary>
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

    public RenderSettings ToSettings(bool toneMapHdr) =>
        new("mp4", "libx264", Preset, Crf, "yuv420p", "aac", AudioBitrateKbps, Faststart: true, toneMapHdr);
}
