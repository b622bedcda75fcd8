using Highlights.Grains.Media;

namespace Highlights.Grains.Probe;

/// <summary>The sanity rules for an input, decided from the probe alone. Returns the rejection reason, or null when acceptable.</summary>
public static class ProbeRules
{
    public static string? RejectionReason(MediaInfo media, TimeSpan maxDuration, bool toneMapHdr)
    {
        if (media.Video is null)
        {
            return media.Audio is null ? "no video or audio stream" : "no video stream (audio only)";
        }

        if (media.Video.Width <= 0 || media.Video.Height <= 0)
        {
            return $"video stream has no picture size ({media.Video.Codec})";
        }

        if (media.DurationSeconds <= 0 || double.IsNaN(media.DurationSeconds))
        {
            return "duration is unknown or zero (truncated or not a finished recording)";
        }

        if (media.DurationSeconds > maxDuration.TotalSeconds)
        {
            return $"duration {Format(media.DurationSeconds)} exceeds the limit of {Format(maxDuration.TotalSeconds)} (Probe:MaxDuration)";
        }

        if (media.Video.IsHdr && !toneMapHdr)
        {
            var kind = media.Video.ColorTransfer == "smpte2084" ? "PQ" : "HLG";
            return $"HDR video ({kind} transfer {media.Video.ColorTransfer}); pass --tone-map to convert it to SDR BT.709";
        }

        return null;
    }

    /// <summary>
    /// A target longer than the whole source cannot be met; the reel is then at most the source's best parts. Said
    /// once the probe knows the length (the API bounds the target at submit, before it does).
    /// </summary>
    public static string? TargetWarning(double sourceSeconds, double targetSeconds) =>
        targetSeconds > sourceSeconds
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"the target of {targetSeconds:0.###} s is longer than the source ({sourceSeconds:0.###} s): the reel will be shorter")
            : null;

    public static IReadOnlyList<string> Warnings(MediaInfo media) =>
        media.Audio is null
            ? ["no audio stream: highlights are chosen from the signals that remain (transcript from captions, picture)"]
            : [];

    /// <summary>h:mm:ss; a corrupt header can claim a duration no TimeSpan holds, which is shown in seconds instead.</summary>
    private static string Format(double seconds) =>
        double.IsFinite(seconds) && seconds < TimeSpan.MaxValue.TotalSeconds - 1
            ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds:G4} s");
}
