using Highlights.Grains.Edl;
using Highlights.Grains.Loudness;

namespace Highlights.UnitTests.Loudness;

public sealed class LoudnormReportTests
{
    private const string Tail = """
        [out#0/null @ 0x55] video:0kB audio:4504kB
        size=N/A time=00:00:12.01 bitrate=N/A speed=19.1x
        [Parsed_loudnorm_0 @ 0x559ee1696ac0] 
        {
        	"input_i" : "-29.84",
        	"input_tp" : "-25.76",
        	"input_lra" : "18.10",
        	"input_thresh" : "-41.94",
        	"output_i" : "-15.47",
        	"output_tp" : "-3.38",
        	"output_lra" : "2.30",
        	"output_thresh" : "-25.47",
        	"normalization_type" : "dynamic",
        	"target_offset" : "-0.53"
        }
        """;

    [Fact]
    public void The_input_values_of_the_report_are_the_measurement()
    {
        Assert.Equal(new LoudnessMeasurement(-29.84, -25.76, 18.10, -41.94, -0.53), LoudnormReport.Parse(Tail));
    }

    [Fact]
    public void Silence_measures_nothing()
    {
        var silent = Tail.Replace("\"-29.84\"", "\"-inf\"", StringComparison.Ordinal).Replace("\"-25.76\"", "\"-inf\"", StringComparison.Ordinal);

        Assert.Null(LoudnormReport.Parse(silent));
    }

    [Fact]
    public void Output_without_a_report_is_an_error_not_a_measurement()
    {
        Assert.Throws<FormatException>(() => LoudnormReport.Parse("[error] could not open input"));
    }
}
