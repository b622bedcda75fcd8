using Highlights.Silo.Metrics;

namespace Highlights.UnitTests.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        var family = new MetricFamily("x_total", "h", MetricKind.Counter, [new MetricSeries([new("path", "C:\\a \"b\"\nc")], 1)]);

        var text = PrometheusTextWriter.Write([family]);

        Assert.Contains("x_total{path=\"C:\\\\a \\\"b\\\"\\nc\"} 1\n", text);
    }

    [Fact]
    public void Help_escapes_backslash_and_newline_but_not_quotes()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("g", "a \"q\" \\ b\nc", MetricKind.Gauge, [])]);

        Assert.StartsWith("# HELP g a \"q\" \\\\ b\\nc\n# TYPE g gauge\n", text);
    }

    [Fact]
    public void A_histogram_writes_cumulative_buckets_then_inf_sum_and_count()
    {
        var histogram = new HistogramValue([1, 5], [2, 3], Count: 4, Sum: 12.5);
        var family = new MetricFamily("d_seconds", "h", MetricKind.Histogram, [new MetricSeries([new("stage", "probe")], 0, histogram)]);

        var lines = PrometheusTextWriter.Write([family]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [
                "# HELP d_seconds h",
                "# TYPE d_seconds histogram",
                "d_seconds_bucket{stage=\"probe\",le=\"1\"} 2",
                "d_seconds_bucket{stage=\"probe\",le=\"5\"} 3",
                "d_seconds_bucket{stage=\"probe\",le=\"+Inf\"} 4",
                "d_seconds_sum{stage=\"probe\"} 12.5",
                "d_seconds_count{stage=\"probe\"} 4",
            ],
            lines);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    public void Values_use_the_exposition_spelling(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));

    [Fact]
    public void Families_are_written_in_name_order_with_one_help_and_type_each()
    {
        var text = PrometheusTextWriter.Write(
        [
            new MetricFamily("b", "h", MetricKind.Gauge, [new MetricSeries([new("k", "1")], 1), new MetricSeries([new("k", "2")], 2)]),
            new MetricFamily("a", "h", MetricKind.Gauge, [new MetricSeries([], 3)]),
        ]);

        Assert.True(text.IndexOf("# TYPE a", StringComparison.Ordinal) < text.IndexOf("# TYPE b", StringComparison.Ordinal));
        Assert.Equal(1, text.Split("# TYPE b ").Length - 1);
    }
}
