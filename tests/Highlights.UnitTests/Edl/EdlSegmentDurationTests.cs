using System.Text.Json;
using Highlights.Grains.Edl;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Edl;

public sealed class EdlSegmentDurationTests
{
    [Fact]
    public void A_segment_duration_is_written_rounded_not_as_a_float_artefact()
    {
        var segment = new EdlSegment("s001", 0.1, 4.82, 3, 145, 0.5, [], "");

        var json = JsonSerializer.Serialize(segment, StateJson.Options);

        Assert.Equal(4.72, segment.Duration);
        Assert.DoesNotContain("4.720000000000001", json, StringComparison.Ordinal);
    }
}
