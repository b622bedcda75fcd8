using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class OfflineSelectorTests
{
    private static readonly OfflineSelectorSettings Settings = new()
    {
        Version = "test-selector/7",
        Lexicon = new Dictionary<string, double> { ["secret"] = 1, ["important"] = 1 },
    };

    private static readonly OfflineSelector Selector = new(Settings);

    /// <summary>Twelve five-second cues over a minute; three of them are interesting in different ways.</summary>
    private static readonly Cue[] Cues =
    [
        .. Enumerable.Range(0, 12).Select(i => i switch
        {
            1 => new Cue(5, 10, "this important thing is worth keeping in mind later"),
            4 => new Cue(20, 25, "the secret is important"),
            7 => new Cue(35, 40, "nothing much is happening here"),
            _ => new Cue(i * 5, (i * 5) + 5, "people talk about the weather"),
        }),
    ];

    /// <summary>Normalised energy over 60 s: loud (1.0) in the given spans, quiet (0.1) elsewhere.</summary>
    private static EnergySeries Energy(params (double Start, double End)[] loud)
    {
        var normalised = Enumerable.Range(0, 600)
            .Select(i => loud.Any(l => i * 0.1 >= l.Start - 1e-9 && i * 0.1 < l.End - 1e-9) ? 1f : 0.1f)
            .ToArray();
        return new EnergySeries(true, 0.1, new float[600], new float[600], normalised);
    }

    [Fact]
    public void A_window_dense_in_keywords_and_loud_beats_a_quiet_keyword_window_and_a_loud_plain_one()
    {
        var input = new SelectionInput(60, Cues, Energy((20, 25), (35, 40)), TargetSeconds: 5);

        var result = Selector.Select(input);

        var segment = Assert.Single(result.Segments);
        Assert.Equal((20.0, 25.0), (segment.Start, segment.End));
        Assert.Equal("the secret is important", segment.Text);
        Assert.Contains("keywords: important, secret (density 0.500)", segment.Reasons);
    }

    [Fact]
    public void With_a_transcript_every_segment_starts_and_ends_on_cue_boundaries()
    {
        var uneven = Cues.Select((c, i) => c with { Start = c.Start + (i * 0.13), End = c.End + (i * 0.13) - 0.4 }).ToArray();
        var input = new SelectionInput(62, uneven, Energy((20, 30)), TargetSeconds: 30);

        var result = Selector.Select(input);

        Assert.NotEmpty(result.Segments);
        Assert.All(result.Segments, s =>
        {
            Assert.Contains(s.Start, uneven.Select(c => c.Start));
            Assert.Contains(s.End, uneven.Select(c => c.End));
        });
        Assert.InRange(result.TotalSeconds, 0, 30);
    }

    [Fact]
    public void Segments_are_in_source_order_and_do_not_overlap()
    {
        var result = Selector.Select(new SelectionInput(60, Cues, Energy((50, 60), (20, 25)), TargetSeconds: 30));

        Assert.All(result.Segments.Zip(result.Segments.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Fact]
    public void Without_a_transcript_fixed_windows_are_ranked_by_energy()
    {
        var result = Selector.Select(new SelectionInput(60, [], Energy((30, 40)), TargetSeconds: 10));

        var segment = Assert.Single(result.Segments);
        Assert.Equal((30.0, 40.0), (segment.Start, segment.End));
        Assert.Equal(string.Empty, segment.Text);
        Assert.Contains(result.Notes, n => n.StartsWith("no transcript", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("no audio", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_audio_energy_the_keywords_alone_rank_the_windows()
    {
        var result = Selector.Select(new SelectionInput(60, Cues, EnergySeries.None, TargetSeconds: 5));

        var segment = Assert.Single(result.Segments);
        Assert.Equal((20.0, 25.0), (segment.Start, segment.End));
        Assert.Equal(["no audio energy: the audio factor is left out"], result.Notes);
        Assert.DoesNotContain(segment.Reasons, r => r.StartsWith("audio energy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100, 30, 3)]
    [InlineData(25, 60, 2)]
    [InlineData(5, 60, 1)]
    public void Without_any_signal_windows_are_spread_evenly_within_the_video(double duration, double target, int expectedCount)
    {
        var result = Selector.Select(new SelectionInput(duration, [], EnergySeries.None, target));

        Assert.Equal(expectedCount, result.Segments.Count);
        Assert.All(result.Segments, s => Assert.InRange(s.Start, 0, s.End));
        Assert.All(result.Segments, s => Assert.InRange(s.End, s.Start, duration + 1e-9));
        Assert.All(result.Segments.Zip(result.Segments.Skip(1)), pair => Assert.True(pair.First.End < pair.Second.Start));
        var gaps = result.Segments.Zip(result.Segments.Skip(1), (a, b) => b.Start - a.End).ToList();
        Assert.All(gaps, g => Assert.Equal(gaps[0], g, 6));
        Assert.Contains("no signal to rank by: windows spread evenly over the video", result.Notes);
        Assert.All(result.Segments, s => Assert.Contains("evenly spaced (no signal)", s.Reasons));
    }

    [Fact]
    public void With_both_signals_there_are_no_notes_and_the_result_names_method_and_version()
    {
        var result = Selector.Select(new SelectionInput(60, Cues, Energy((0, 10)), TargetSeconds: 20));

        Assert.Empty(result.Notes);
        Assert.Equal("offline", result.Method);
        Assert.Equal("test-selector/7", result.SettingsVersion);
    }

    [Fact]
    public void Selection_is_deterministic()
    {
        var input = new SelectionInput(60, Cues, Energy((12, 33)), TargetSeconds: 25);

        var first = Selector.Select(input);
        var second = new OfflineSelector(Settings).Select(input);

        Assert.Equal(first.Segments.Select(s => (s.Start, s.End, s.Score)), second.Segments.Select(s => (s.Start, s.End, s.Score)));
    }

    [Fact]
    public void Selection_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Selector.Select(new SelectionInput(60, Cues, Energy((0, 10)), TargetSeconds: 20), cancelled.Token));
    }
}
