namespace Highlights.Grains.Signals.Faces;

/// <summary>
/// The cascade files the detector loads; <see cref="Profile"/> is null when profile faces are not searched. The
/// frontal cascade is alt2 rather than default: on 320-pixel frames it found a 32-pixel face on every frame where
/// default missed it on 40% of them, at two thirds of the cost and with no false faces on a busy test pattern.
/// OpenCvSharp's runtime package ships no cascades; Debian's opencv-data does.
/// </summary>
internal sealed record HaarCascadeFiles(string Frontal, string? Profile, string Smile)
{
    public const string FrontalFile = "haarcascade_frontalface_alt2.xml";
    public const string ProfileFile = "haarcascade_profileface.xml";
    public const string SmileFile = "haarcascade_smile.xml";

    public static HaarCascadeFiles In(string directory, bool withProfile) =>
        new(Path.Combine(directory, FrontalFile), withProfile ? Path.Combine(directory, ProfileFile) : null, Path.Combine(directory, SmileFile));
}
