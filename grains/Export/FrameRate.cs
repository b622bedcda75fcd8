using System.Globalization;

namespace Highlights.Grains.Export;

/// <summary>
/// An exact frame rate as a ratio (30000/1001, not 29.97), so frame-to-time conversions in exported timelines are
/// exact. Also knows the nominal timecode base and whether SMPTE drop-frame applies.
/// </summary>
public readonly record struct FrameRate(int Numerator, int Denominator)
{
    /// <summary>Rates editors use; a measured rate within 0.01 of one of these is taken to be it.</summary>
    private static readonly FrameRate[] Standard =
    [
        new(24000, 1001), new(24, 1), new(25, 1), new(30000, 1001), new(30, 1), new(48, 1), new(50, 1), new(60000, 1001), new(60, 1),
    ];

    public double Value => Numerator / (double)Denominator;

    /// <summary>Frames per timecode second: 30 for 29.97, 24 for 23.976.</summary>
    public int TimecodeBase => (int)Math.Round(Value);

    /// <summary>29.97 and 59.94 count in drop-frame timecode (frame numbers skipped at most minute starts).</summary>
    public bool IsDropFrame => Denominator == 1001 && TimecodeBase % 30 == 0;

    /// <summary>One frame as a rational time in seconds, for FCPXML's <c>frameDuration</c> ("1001/30000s").</summary>
    public string FrameDuration => Denominator == 1 ? $"1/{Numerator}s" : $"{Denominator}/{Numerator}s";

    public static FrameRate FromMeasured(double fps)
    {
        foreach (var rate in Standard)
        {
            if (Math.Abs(rate.Value - fps) < 0.01)
            {
                return rate;
            }
        }

        // An unusual rate: keep it to a millisecond-of-a-frame precision.
        return new FrameRate((int)Math.Round(fps * 1000), 1000);
    }

    /// <summary>Seconds of <paramref name="frames"/> frames as an exact rational string ("22022/1000s" style reduced).</summary>
    public string RationalSeconds(long frames)
    {
        var numerator = frames * Denominator;
        long denominator = Numerator;
        var gcd = Gcd(Math.Abs(numerator), denominator);
        numerator /= gcd;
        denominator /= gcd;
        return denominator == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{numerator}s")
            : string.Create(CultureInfo.InvariantCulture, $"{numerator}/{denominator}s");
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }
}
