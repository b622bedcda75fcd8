using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

/// <summary>Issue 12, item 12: a target shorter than any candidate is met by one longer segment, and the notes say why.</summary>
public sealed class TargetOverrunTests
{
    private static SelectionResult Result(params (double Start, double End)[] segments) =>
        new("offline", "1", [.. segments.Select(s => new SelectedSegment(s.Start, s.End, 1, [], "text"))], ["earlier note"]);

    [Fact]
    public void A_reel_longer_than_its_target_is_explained()
    {
        var explained = TargetOverrun.Explain(Result((10, 15)), 2.5, hasTranscript: true);

        Assert.Equal(
            ["earlier note", "the target of 2.5 s is shorter than the shortest run of whole caption cues: the reel is its best candidate alone, 5.0 s"],
            explained.Notes);
    }

    [Fact]
    public void Without_a_transcript_the_note_names_the_window()
    {
        var explained = TargetOverrun.Explain(Result((0, 10)), 5, hasTranscript: false);

        Assert.Contains("shorter than the shortest window", explained.Notes[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(5.01)]
    public void A_reel_within_its_target_has_no_note(double target)
    {
        var result = Result((10, 15));

        Assert.Same(result, TargetOverrun.Explain(result, target, hasTranscript: true));
    }
}
