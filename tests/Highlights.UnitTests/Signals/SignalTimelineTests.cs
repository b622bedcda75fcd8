using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Signals;

public sealed class SignalTimelineTests
{
    private static SignalSeries Series(float[] excitement, float[] reaction, float[]? speech = null) =>
        new(excitement, excitement, speech, reaction, reaction, reaction, reaction, reaction, reaction);

    [Theory]
    [InlineData(0.0, 1.0, 0.05)]
    [InlineData(1.0, 2.0, 0.5)]
    [InlineData(1.5, 2.0, 0.9)]
    [InlineData(0.3, 1.2, 0.2 / 3)]
    [InlineData(1.8, 50, 0.9)]
    public void The_mean_covers_the_steps_overlapping_the_interval_and_no_step_before_it(double start, double end, double expected)
    {
        var timeline = new SignalTimeline(0.5, Series([0f, 0.1f, 0.1f, 0.9f], [0, 0, 0, 0]), hasAudio: true, hasFrames: true);

        Assert.Equal(expected, timeline.MeanBetween(SignalTrack.AudioExcitement, start, end), 6);
    }

    [Fact]
    public void A_step_of_a_tenth_starting_on_a_boundary_does_not_take_in_the_step_before()
    {
        var timeline = new SignalTimeline(0.1, Series([0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f], new float[6]), true, true);

        Assert.Equal(0.35, timeline.MeanBetween(SignalTrack.AudioExcitement, 0.3, 0.5), 6);
    }

    [Fact]
    public void Missing_inputs_are_reported_as_missing_tracks_with_a_zero_mean()
    {
        var timeline = new SignalTimeline(0.5, Series([0.5f, 0.5f], [0.7f, 0.7f]), hasAudio: false, hasFrames: true);

        Assert.False(timeline.Has(SignalTrack.AudioExcitement));
        Assert.False(timeline.Has(SignalTrack.SpeechRate));
        Assert.True(timeline.Has(SignalTrack.VisualReaction));
        Assert.Equal(0, timeline.MeanBetween(SignalTrack.AudioExcitement, 0, 1));
        Assert.Equal(0.7, timeline.MeanBetween(SignalTrack.VisualReaction, 0, 1), 6);
    }
}
