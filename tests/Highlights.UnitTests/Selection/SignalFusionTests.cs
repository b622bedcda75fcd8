using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class SignalFusionTests
{
    private static readonly OfflineSelectorSettings Settings = new()
    {
        Version = "fusion-test/1",
        KeywordFloor = 0.2,
        EnergyFloor = 0.2,
        LlmFloor = 0.1,
        VisualFloor = 0.2,
        Weights = new FusionWeights { Llm = 2, Keywords = 1, Audio = 1, Visual = 1 },
    };

    [Fact]
    public void The_fused_score_is_the_weighted_geometric_mean_of_floor_plus_value_over_the_terms_present()
    {
        var score = SignalFusion.Fuse(new SignalScores(Llm: 0.9, Keywords: 0.5, Audio: 0.3, Visual: null), Settings);

        // (0.1 + 0.9)^2 · (0.2 + 0.5)^1 · (0.2 + 0.3)^1, to the power 1/4.
        Assert.Equal(Math.Pow(1.0 * 1.0 * 0.7 * 0.5, 1.0 / 4), score, 12);
    }

    [Fact]
    public void A_missing_term_is_left_out_not_counted_as_zero()
    {
        var withoutVisual = SignalFusion.Fuse(new SignalScores(null, 0.5, 0.5, null), Settings);
        var zeroVisual = SignalFusion.Fuse(new SignalScores(null, 0.5, 0.5, 0), Settings);

        Assert.Equal(0.7, withoutVisual, 12);
        Assert.True(zeroVisual < withoutVisual);
    }

    [Fact]
    public void A_term_weighted_zero_does_not_count()
    {
        var settings = Settings with { Weights = new FusionWeights { Llm = 0, Keywords = 1, Audio = 1, Visual = 1 } };

        Assert.Equal(SignalFusion.Fuse(new SignalScores(null, 0.4, 0.6, null), settings), SignalFusion.Fuse(new SignalScores(0.99, 0.4, 0.6, null), settings), 12);
    }

    [Fact]
    public void Without_the_llm_term_candidates_rank_as_the_foundation_product_of_keyword_and_energy_factors()
    {
        var terms = new[] { (0.9, 0.1), (0.2, 0.8), (0.5, 0.5), (0.0, 1.0), (1.0, 0.0), (0.3, 0.35) };

        var fused = terms.OrderByDescending(t => SignalFusion.Fuse(new SignalScores(null, t.Item1, t.Item2, null), Settings)).ToList();
        var product = terms.OrderByDescending(t => (0.2 + t.Item1) * (0.2 + t.Item2)).ToList();

        Assert.Equal(product, fused);
    }

    [Fact]
    public void A_strong_llm_score_lifts_a_candidate_above_the_same_signals_without_one_and_a_weak_one_lowers_it()
    {
        var plain = SignalFusion.Fuse(new SignalScores(null, 0.4, 0.4, null), Settings);

        Assert.True(SignalFusion.Fuse(new SignalScores(0.95, 0.4, 0.4, null), Settings) > plain);
        Assert.True(SignalFusion.Fuse(new SignalScores(0.2, 0.4, 0.4, null), Settings) < plain);
    }

    [Fact]
    public void Settings_reject_negative_weights_and_a_duplicate_overlap_outside_zero_to_one()
    {
        Assert.Empty(Settings.Validate());
        Assert.Contains((Settings with { Weights = new FusionWeights { Audio = -1 } }).Validate(), e => e.StartsWith("weights", StringComparison.Ordinal));
        Assert.Contains((Settings with { Weights = new FusionWeights { Keywords = 0, Audio = 0 } }).Validate(), e => e.StartsWith("weights", StringComparison.Ordinal));
        Assert.Contains((Settings with { DuplicateOverlap = 0 }).Validate(), e => e.StartsWith("duplicate_overlap", StringComparison.Ordinal));
    }
}
