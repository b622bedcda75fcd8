using System.Globalization;
using Highlights.Grains.Processes;

namespace Highlights.UnitTests.Processes;

public sealed class ProcessCommandTests
{
    [Fact]
    public void Plain_arguments_are_rendered_without_quotes()
    {
        var command = ProcessCommand.Of("/usr/bin/ffmpeg", "-ss", "1.500", "-i", "/media/in.mp4", "-map", "0:1", "-b:a", "160k", "-movflags", "+faststart");

        Assert.Equal("/usr/bin/ffmpeg -ss 1.500 -i /media/in.mp4 -map 0:1 -b:a 160k -movflags +faststart", command.ToString());
    }

    [Fact]
    public void Arguments_with_spaces_or_shell_characters_are_single_quoted()
    {
        var command = ProcessCommand.Of("ffmpeg", "-i", "/media/my talk.mp4", "[v0][a0]concat=n=1[v]", "a;b", "$HOME");

        Assert.Equal("ffmpeg -i '/media/my talk.mp4' '[v0][a0]concat=n=1[v]' 'a;b' '$HOME'", command.ToString());
    }

    [Fact]
    public void Single_quotes_inside_an_argument_are_escaped_for_a_posix_shell()
    {
        Assert.Equal("echo 'it'\\''s'", ProcessCommand.Of("echo", "it's").ToString());
    }

    [Fact]
    public void An_empty_argument_is_rendered_as_empty_quotes()
    {
        Assert.Equal("printf '' x", ProcessCommand.Of("printf", "", "x").ToString());
    }

    [Theory]
    [InlineData(0, "0.000")]
    [InlineData(1.5, "1.500")]
    [InlineData(4.033333, "4.033333")]
    [InlineData(2.123456789, "2.123457")]
    [InlineData(1.0000004, "1.000")]
    [InlineData(3600, "3600.000")]
    public void Seconds_are_formatted_with_at_least_millisecond_precision(double seconds, string expected)
    {
        Assert.Equal(expected, ProcessCommand.Seconds(seconds));
    }

    [Fact]
    public void Seconds_ignore_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = comma;

            Assert.Equal("12.250", ProcessCommand.Seconds(12.25));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Of_copies_the_arguments_so_later_changes_do_not_leak_in()
    {
        var arguments = new List<string> { "-v", "error" };
        var command = ProcessCommand.Of("ffprobe", arguments);

        arguments.Add("-show_streams");

        Assert.Equal(["-v", "error"], command.Arguments);
    }
}
