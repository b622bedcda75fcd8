using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class KeywordMatcherTests
{
    private static readonly KeywordMatcher Matcher = new(new Dictionary<string, double>
    {
        ["lesson"] = 1,
        ["key takeaway"] = 2,
        ["Important"] = 0.5,
    });

    [Fact]
    public void A_phrase_matches_case_insensitively_and_density_is_weight_per_word()
    {
        var (density, found) = Matcher.Measure("The KEY Takeaway is this.");

        Assert.Equal(2.0 / 5, density, 9);
        Assert.Equal(["key takeaway"], found);
    }

    [Fact]
    public void A_word_does_not_match_inside_a_longer_word()
    {
        var (density, found) = Matcher.Measure("Lessons learned the hard way");

        Assert.Equal(0, density);
        Assert.Empty(found);
    }

    [Fact]
    public void A_phrase_only_matches_on_word_boundaries()
    {
        Assert.Empty(Matcher.Measure("the keyboard takeaway").Found);
        Assert.Empty(Matcher.Measure("a monkey takeaway").Found);
        Assert.Equal(["key takeaway"], Matcher.Measure("key, takeaway!").Found);
    }

    [Fact]
    public void Every_occurrence_counts_towards_the_density()
    {
        var (density, _) = Matcher.Measure("lesson one, lesson two");

        Assert.Equal(0.5, density, 9);
    }

    [Fact]
    public void Several_entries_add_up_and_are_reported_in_order_and_lower_case()
    {
        var (density, found) = Matcher.Measure("An important lesson: the key takeaway.");

        Assert.Equal((0.5 + 1 + 2) / 6, density, 9);
        Assert.Equal(["important", "key takeaway", "lesson"], found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ... !!! ")]
    public void Text_without_words_has_zero_density(string text)
    {
        var (density, found) = Matcher.Measure(text);

        Assert.Equal(0, density);
        Assert.Empty(found);
    }

    [Fact]
    public void Tokens_are_lower_case_words_with_inner_apostrophes()
    {
        Assert.Equal(["don't", "stop", "it's", "2024", "quoted"], KeywordMatcher.Tokenize("Don't STOP\u2014it's 2024! 'quoted'"));
    }
}
