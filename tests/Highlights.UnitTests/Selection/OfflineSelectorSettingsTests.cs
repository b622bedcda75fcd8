using Highlights.Grains.Selection;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Selection;

public sealed class OfflineSelectorSettingsTests
{
    private static readonly OfflineSelectorSettings Valid = new()
    {
        Version = "v1",
        Lexicon = new Dictionary<string, double> { ["wow"] = 2, ["key lesson"] = 3 },
    };

    [Fact]
    public void Default_tunables_with_a_version_are_valid()
    {
        Assert.Empty(Valid.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_version_is_an_error(string version)
    {
        Assert.Equal(["version must be set"], (Valid with { Version = version }).Validate());
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(12, 8)]
    public void Clip_bounds_must_be_positive_and_ordered(double min, double max)
    {
        var errors = (Valid with { MinClipSeconds = min, MaxClipSeconds = max, WindowSeconds = max }).Validate();

        Assert.Contains(errors, e => e.StartsWith("min_clip_seconds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(21)]
    public void The_window_must_lie_within_the_clip_bounds(double window)
    {
        var error = Assert.Single((Valid with { WindowSeconds = window }).Validate());

        Assert.StartsWith("window_seconds", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_floors_and_a_non_positive_gain_are_errors()
    {
        Assert.Single((Valid with { KeywordFloor = -0.1 }).Validate());
        Assert.Single((Valid with { EnergyFloor = -1 }).Validate());
        Assert.Single((Valid with { KeywordGain = 0 }).Validate());
    }

    [Fact]
    public void Every_bad_lexicon_entry_is_named()
    {
        var settings = Valid with { Lexicon = new Dictionary<string, double> { ["good"] = 1, ["zero"] = 0, ["minus"] = -2, [" "] = 1 } };

        Assert.Equal(
            ["lexicon entry 'zero' needs a positive weight", "lexicon entry 'minus' needs a positive weight", "lexicon entry ' ' needs a positive weight"],
            settings.Validate());
    }

    [Fact]
    public void A_settings_file_is_read_with_snake_case_names()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, OfflineSelectorSettingsFile.FileName);
        File.WriteAllText(path, """{ "version": "file/2", "min_clip_seconds": 3, "window_seconds": 6, "keyword_gain": 5, "lexicon": { "Wow": 2 } }""");

        var settings = OfflineSelectorSettingsFile.Load(path);

        Assert.Equal("file/2", settings.Version);
        Assert.Equal(3, settings.MinClipSeconds);
        Assert.Equal(6, settings.WindowSeconds);
        Assert.Equal(5, settings.KeywordGain);
        Assert.Equal(2, settings.Lexicon["Wow"]);
    }

    [Fact]
    public void An_invalid_settings_file_fails_naming_the_file_and_every_problem()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, OfflineSelectorSettingsFile.FileName);
        File.WriteAllText(path, """{ "version": "", "keyword_gain": 0 }""");

        var error = Assert.Throws<InvalidDataException>(() => OfflineSelectorSettingsFile.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("version must be set", error.Message, StringComparison.Ordinal);
        Assert.Contains("keyword_gain > 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_agreement_floor_or_weight_is_an_error()
    {
        Assert.Contains("agreement_floor", Assert.Single((Valid with { AgreementFloor = -0.1 }).Validate()), StringComparison.Ordinal);
        Assert.Single((Valid with { Weights = new FusionWeights { Agreement = -1 } }).Validate());
    }

    [Fact]
    public void The_shipped_settings_are_version_3_with_the_agreement_term_and_say_what_changed()
    {
        var path = Path.Combine(RepoPrompts.Directory, OfflineSelectorSettingsFile.FileName);

        var settings = OfflineSelectorSettingsFile.Load(path);

        Assert.Equal("offline-selector/3", settings.Version);
        Assert.Equal(1, settings.Weights.Agreement);
        Assert.Equal(0.2, settings.AgreementFloor);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        Assert.StartsWith("3: ", json.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }
}
