using Highlights.Grains.Render.Captions;

namespace Highlights.UnitTests.Render.Captions;

public sealed class AssTextTests
{
    private const char J = AssText.WordJoiner;

    [Fact]
    public void Braces_cannot_open_an_override_block()
    {
        Assert.Equal(@"\{\c&H0000FF&\fs200\}red", AssText.Escape(@"{\c&H0000FF&\fs200}red").Replace(J.ToString(), string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("{", AssText.Escape("{x}").Replace(@"\{", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_backslash_can_never_start_an_escape()
    {
        Assert.Equal($"a\\{J}Nb c\\{J}h \\{J}\\{{", AssText.Escape(@"a\Nb c\h \{"));
    }

    [Fact]
    public void Line_breaks_tabs_and_control_characters_cannot_end_the_event_line()
    {
        var escaped = AssText.Escape("one\r\ntwo\tthree\u0000\u001b[31m\u2028four");

        Assert.Equal("one  two three[31m four", escaped);
    }

    [Fact]
    public void Commas_and_other_text_pass_unchanged()
    {
        Assert.Equal("Well, yes: 100% — ça va? 🎉", AssText.Escape("Well, yes: 100% — ça va? 🎉"));
    }
}
