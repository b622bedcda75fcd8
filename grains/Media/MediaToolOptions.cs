using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Media;

/// <summary>Configuration section <c>Media</c> (environment: <c>HIGHLIGHTS_MEDIA__FFMPEGPATH</c>, ...).</summary>
public sealed class MediaToolOptions
{
    public const string Section = "Media";

    /// <summary>ffmpeg executable; a bare name is looked up on PATH. Default <c>ffmpeg</c>.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>ffprobe executable. Default <c>ffprobe</c>.</summary>
    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Grace period for ffmpeg to finish its output after a cancel, before it is killed. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan GracefulStop { get; set; } = TimeSpan.FromSeconds(5);
}
