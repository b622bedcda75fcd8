using Highlights.Grains.Edl;
using Highlights.Grains.Loudness;

namespace Highlights.UnitTests.Loudness;

public sealed class Ebur128SummaryTests
{
    private const string Tail = """
        size=N/A time=00:00:30.00 bitrate=N/A speed= 221x
        video:0kB audio:5625kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown
        [Parsed_ebur128_0 @ 0x56386ff012c0] Summary:

          Integrated loudness:
            I:         -25.5 LUFS
            Threshold: -35.6 LUFS

          Loudness range:
            LRA:        18.1 LU
            Threshold: -45.5 LUFS
            LRA low:   -35.6 LUFS
            LRA high:  -17.5 LUFS

          True peak:
            Peak:      -19.2 dBFS
        """;

    [Fact]
    public void The_summary_values_are_the_measurement()
    {
        Assert.Equal(new LoudnessMeasurement(-25.5, -19.2, 18.1, -35.6, 0), Ebur128Summary.Parse(Tail));
    }

    [Fact]
    public void Only_the_last_summary_counts()
    {
        var twice = Tail.Replace("-25.5 LUFS", "-40.0 LUFS", StringComparison.Ordinal) + "\n" + Tail;

        Assert.Equal(-25.5, Ebur128Summary.Parse(twice)!.IntegratedLufs);
    }

    [Fact]
    public void Silence_measures_nothing()
    {
        var silent = Tail.Replace("-25.5 LUFS", "-70.0 LUFS", StringComparison.Ordinal).Replace("-19.2 dBFS", "-inf dBFS", StringComparison.Ordinal);

        Assert.Null(Ebur128Summary.Parse(silent));
    }

    [Fact]
    public void Output_without_a_summary_is_an_error_not_a_measurement()
    {
        Assert.Throws<FormatException>(() => Ebur128Summary.Parse("[error] could not open input"));
    }

    [Fact]
    public void A_summary_missing_its_true_peak_is_an_error()
    {
        var cut = Tail[..Tail.IndexOf("True peak", StringComparison.Ordinal)];

        Assert.Throws<FormatException>(() => Ebur128Summary.Parse(cut));
    }
}
