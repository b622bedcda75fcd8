using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Render.Reframe;

/// <summary>Configuration section <c>Reframe</c>: how vertical and square reels follow faces.</summary>
public sealed class ReframeOptions
{
    public const string Section = "Reframe";

    /// <summary>
    /// Face samples per second inside the chosen segments (a pass over those segments only; the signals stage's
    /// samples are too sparse and keep no positions). Default 6.
    /// </summary>
    [Range(1.0, 30.0)]
    public double FaceRate { get; set; } = 6;

    /// <summary>The spring's stiffness ω in rad/s; higher follows faster. At 4 the crop covers 90% of a move in about 1 s. Default 4.</summary>
    [Range(0.5, 30.0)]
    public double Stiffness { get; set; } = 4;

    /// <summary>Fastest the crop may pan, in source widths per second. Default 0.4.</summary>
    [Range(0.05, 5.0)]
    public double MaxSpeed { get; set; } = 0.4;

    /// <summary>Face moves smaller than this share of the source width are ignored, so detector wobble never moves the crop. Default 0.04.</summary>
    [Range(0.0, 0.5)]
    public double DeadZone { get; set; } = 0.04;

    /// <summary>How long the crop stays on a face that is no longer detected before it returns to the centre. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(1);
}
