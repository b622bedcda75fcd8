using System.ComponentModel.DataAnnotations;
using Highlights.Grains.Transcription;

namespace Highlights.UnitTests.Transcription;

public sealed class WhisperOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_use_every_core()
    {
        var options = new WhisperOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(("base.en", "en", 1), (options.Model, options.Language, options.BeamSize));
        Assert.Equal(Environment.ProcessorCount, options.Threads);
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5)), (options.WindowDuration, options.WindowOverlap));
    }

    [Fact]
    public void An_overlap_as_long_as_the_window_is_refused_with_the_option_names()
    {
        var errors = Validate(new WhisperOptions { WindowDuration = TimeSpan.FromSeconds(5), WindowOverlap = TimeSpan.FromSeconds(5) });

        Assert.Contains(errors, e => e.Contains("Whisper:WindowOverlap", StringComparison.Ordinal) && e.Contains("Whisper:WindowDuration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("English")]
    [InlineData("EN")]
    [InlineData("")]
    public void A_language_that_is_not_a_code_is_refused(string language)
    {
        Assert.NotEmpty(Validate(new WhisperOptions { Language = language }));
    }

    [Fact]
    public void Settings_take_the_configured_choices_unless_overridden()
    {
        var options = new WhisperOptions { Model = "small.en", Language = "en", BeamSize = 5, InitialPrompt = "Kubernetes", AudioContext = 768 };

        Assert.Equal(new TranscriptionSettings("small.en", "en", 5, "Kubernetes", 768, 600, 5), options.Settings());
        Assert.Equal(("/m/x.bin", "auto"), (options.Settings("/m/x.bin", "auto").Model, options.Settings("/m/x.bin", "auto").Language));
    }

    private static List<string> Validate(WhisperOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? string.Empty)];
    }
}
