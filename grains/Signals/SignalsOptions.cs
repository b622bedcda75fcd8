using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Signals;

/// <summary>Configuration section <c>Signals</c> (environment: <c>HIGHLIGHTS_SIGNALS__FRAMERATE</c>, ...).</summary>
public sealed class SignalsOptions : IValidatableObject
{
    public const string Section = "Signals";

    /// <summary>
    /// <c>coarse-to-fine</c> (default): packet sizes and keyframes over the whole video, the full analysis only in
    /// the windows selection could still choose. <c>full</c>: every frame at <see cref="FrameRate"/>, a full-rate
    /// signals.json at the cost of decoding the whole video.
    /// </summary>
    [RegularExpression("^(coarse-to-fine|full)$", ErrorMessage = "Signals:Mode must be 'coarse-to-fine' or 'full'")]
    public string Mode { get; set; } = SignalsModes.CoarseToFine;

    /// <summary>Coarse-to-fine: seconds of candidate segments given the fine pass, as a multiple of the target. Default 1.5.</summary>
    [Range(1.0, 10.0)]
    public double FineShare { get; set; } = 1.5;

    /// <summary>Coarse-to-fine: seconds added before and after each candidate segment's fine window. Default 0.5.</summary>
    [Range(0.0, 30.0)]
    public double FinePadSeconds { get; set; } = 0.5;

    /// <summary>
    /// Coarse-to-fine: fine windows decoded at once. A window's decode is mostly the seek's lead-in from the keyframe
    /// before it, which keeps about 1.4 of 2 cores busy; with two, the 19 windows of a 10-min 1080p talk decode in
    /// 8.8 s instead of 12.5 s. Default 2.
    /// </summary>
    [Range(1, 8)]
    public int FineDecoders { get; set; } = 2;

    /// <summary>Length of one step of the output series, in seconds. Default 0.5.</summary>
    [Range(0.1, 10.0)]
    public double StepSeconds { get; set; } = 0.5;

    /// <summary>Frames per second decoded for motion and scene cuts. Default 4.</summary>
    [Range(0.5, 30.0)]
    public double FrameRate { get; set; } = 4;

    /// <summary>Width the frames are scaled to before analysis (height keeps the aspect ratio). Default 320.</summary>
    [Range(64, 1920)]
    public int FrameWidth { get; set; } = 320;

    /// <summary>
    /// Frames per second searched for faces and smiles, at most <see cref="FrameRate"/> (a face search costs far more
    /// than a frame difference). Default 2: one face sample per 0.5 s step.
    /// </summary>
    [Range(0.1, 30.0)]
    public double FaceRate { get; set; } = 2;

    /// <summary>Also search for faces in profile (both sides). Default true.</summary>
    public bool ProfileFaces { get; set; } = true;

    /// <summary>
    /// Scale of the frame the profile search runs on. At full size it costs about three frontal searches; at the
    /// default 0.5 it costs about half of one and still finds profiles at least 2 x <see cref="MinFacePixels"/> tall
    /// (close-ups, where a turned head matters most).
    /// </summary>
    [Range(0.1, 1.0)]
    public double ProfileScale { get; set; } = 0.5;

    /// <summary>Smallest face searched for, in pixels of the scaled frame. Default 24.</summary>
    [Range(12, 1000)]
    public int MinFacePixels { get; set; } = 24;

    /// <summary>Step between the scales searched (Haar pyramid); larger is faster and misses more. Default 1.2.</summary>
    [Range(1.01, 2.0)]
    public double ScaleFactor { get; set; } = 1.2;

    /// <summary>Agreeing raw detections a face needs. Default 3.</summary>
    [Range(1, 50)]
    public int MinNeighbors { get; set; } = 3;

    /// <summary>Agreeing raw detections a smile needs inside a face; the smile cascade is noisy, hence higher. Default 15.</summary>
    [Range(1, 200)]
    public int SmileMinNeighbors { get; set; } = 15;

    /// <summary>Face-search threads running beside the decoder; 0 means one per core. Default 0.</summary>
    [Range(0, 64)]
    public int Workers { get; set; }

    /// <summary>Folder of OpenCV's Haar cascades (Debian package opencv-data). Default /usr/share/opencv4/haarcascades.</summary>
    [Required]
    public string CascadeDirectory { get; set; } = "/usr/share/opencv4/haarcascades";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FaceRate > FrameRate)
        {
            yield return new ValidationResult(
                $"Signals:FaceRate ({FaceRate}) must not exceed Signals:FrameRate ({FrameRate})", [nameof(FaceRate), nameof(FrameRate)]);
        }
    }
}
