using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Audio;
using Highlights.Grains.Signals.Visual;

namespace Highlights.UnitTests.Signals;

public sealed class SignalsBuilderTests
{
    private static readonly FrameFormat Format = new(320, 180, 4);

    private static VisualFrames Frozen(int frames) => new(
        Format, 2, new float[frames], new float[frames], new bool[frames], new float[frames / 2], new float[frames / 2], new float[frames / 2]);

    private static IEnumerable<float[]> AllSeries(SignalSeries s) =>
        [s.AudioLoudness, s.AudioExcitement, s.FaceCount, s.LargestFace, s.Smile, s.Motion, s.SceneCut, s.VisualReaction];

    [Fact]
    public void No_audio_and_a_frozen_picture_give_flat_zero_series_of_full_length_and_no_events()
    {
        var document = SignalsBuilder.Build("v", 10.2, 0.5, AudioSignals.Silent(21), Frozen(41), []);

        Assert.Equal(21, document.Steps);
        Assert.False(document.Inputs.HasAudio);
        Assert.False(document.Inputs.HasTranscript);
        Assert.Null(document.Series.SpeechRate);
        Assert.All(AllSeries(document.Series), series =>
        {
            Assert.Equal(21, series.Length);
            Assert.All(series, v => Assert.Equal(0f, v));
        });
        Assert.Empty(document.Events);
    }

    [Fact]
    public void Every_series_stays_within_zero_and_one_and_speech_rate_appears_with_a_transcript()
    {
        var frames = 40;
        var random = new Random(5);
        var visual = new VisualFrames(
            Format, 2,
            [.. Enumerable.Range(0, frames).Select(_ => (float)random.NextDouble() * 0.3f)],
            new float[frames],
            [.. Enumerable.Range(0, frames).Select(i => i == 20)],
            [.. Enumerable.Range(0, frames / 2).Select(i => (float)(i % 3))],
            [.. Enumerable.Range(0, frames / 2).Select(_ => (float)random.NextDouble())],
            [.. Enumerable.Range(0, frames / 2).Select(_ => (float)random.NextDouble())]);
        var momentary = Enumerable.Range(0, 100).Select(i => i is > 40 and < 60 ? -10f : -30f).ToArray();
        var energy = new EnergySeries(true, 0.1, momentary, momentary, LoudnessNormaliser.Normalise(momentary));
        var audio = AudioSignals.Build(energy, new AudioFeatures(0.1, new float[100], new float[100]), 0.5, 20);

        var document = SignalsBuilder.Build("v", 10, 0.5, audio, visual, [new Cue(1, 3, "a few words here")]);

        Assert.All(AllSeries(document.Series).Append(document.Series.SpeechRate!), series => Assert.All(series, v => Assert.InRange(v, 0f, 1f)));
        Assert.Equal(1f, document.Series.SceneCut[10]);
        Assert.Contains(document.Events, e => e.Type == SignalEventTypes.SceneCut && e.Start == 5);
        Assert.Contains(document.Events, e => e.Type == SignalEventTypes.LoudnessBurst && e.Start is >= 4 and <= 4.2);
        Assert.Equal(document.Events.OrderBy(e => e.Start), document.Events);
    }

    [Theory]
    [InlineData(10, 0.5, 20)]
    [InlineData(10.01, 0.5, 21)]
    [InlineData(0.2, 0.5, 1)]
    [InlineData(0, 0.5, 0)]
    public void Steps_cover_the_whole_duration(double duration, double step, int expected)
    {
        Assert.Equal(expected, SignalsBuilder.StepCount(duration, step));
    }
}
