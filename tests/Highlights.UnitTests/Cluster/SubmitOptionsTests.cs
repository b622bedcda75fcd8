using Highlights.Client.Contracts;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.State;
using Highlights.Silo.Api;

namespace Highlights.UnitTests.Cluster;

public sealed class SubmitOptionsTests
{
    private const string DefaultModel = "gpt-4.1-mini";

    [Fact]
    public void An_llm_submission_gets_the_servers_model_unless_it_names_one()
    {
        var plain = SubmitOptions.From(new SubmitVideoRequest { Source = "/m/a.mp4", Llm = "openai" }, DefaultModel);
        var named = SubmitOptions.From(
            new SubmitVideoRequest { Source = "/m/a.mp4", Llm = "openai", LlmModel = "gpt-4.1", BudgetUsd = 0.2m, OnBudget = "offline" }, DefaultModel);

        Assert.Equal(new LlmChoice("openai", DefaultModel), plain.Llm);
        Assert.Null(plain.BudgetUsd);
        Assert.Equal(new LlmChoice("openai", "gpt-4.1"), named.Llm);
        Assert.Equal((0.2m, BudgetAction.Offline), (named.BudgetUsd, named.OnBudgetExceeded));
    }

    [Fact]
    public void Offline_is_the_default_and_has_no_llm()
    {
        Assert.Null(SubmitOptions.From(new SubmitVideoRequest { Source = "/m/a.mp4" }, DefaultModel).Llm);
        Assert.Null(SubmitOptions.From(new SubmitVideoRequest { Source = "/m/a.mp4", Llm = "offline", BudgetUsd = 1 }, DefaultModel).Llm);
    }

    [Theory]
    [InlineData("anthropic", null, null, "llm must be offline or openai")]
    [InlineData("openai", "-1", null, "budgetUsd must be 0 or more")]
    [InlineData("openai", null, "pause", "onBudget must be stop or offline")]
    public void Bad_llm_fields_are_rejected_with_the_field_named(string llm, string? budget, string? onBudget, string message)
    {
        var request = new SubmitVideoRequest { Source = "/m/a.mp4", Llm = llm, BudgetUsd = budget is null ? null : decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture), OnBudget = onBudget };

        var error = Assert.Throws<SourceRejectedException>(() => SubmitOptions.From(request, DefaultModel));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_form_fields_carry_the_same_options_as_the_json_body()
    {
        var fields = new Dictionary<string, string> { ["targetDuration"] = "30", ["llm"] = "openai", ["budgetUsd"] = "0.75", ["onBudget"] = "stop" };

        var options = SubmitOptions.From(fields, DefaultModel);

        Assert.Equal(30, options.TargetSeconds);
        Assert.Equal((new LlmChoice("openai", DefaultModel), 0.75m, BudgetAction.Stop), (options.Llm, options.BudgetUsd, options.OnBudgetExceeded));
        Assert.Throws<SourceRejectedException>(() => SubmitOptions.From(new Dictionary<string, string> { ["budgetUsd"] = "lots" }, DefaultModel));
        Assert.Throws<SourceRejectedException>(() => SubmitOptions.From(new Dictionary<string, string> { ["colour"] = "red" }, DefaultModel));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1e-300)]
    [InlineData(86_401)]
    [InlineData(1e308)]
    public void A_target_outside_one_second_to_a_day_is_rejected_naming_the_field(double target)
    {
        var error = Assert.Throws<SourceRejectedException>(() => SubmitOptions.From(new SubmitVideoRequest { Source = "/m/a.mp4", TargetDuration = target }, DefaultModel));

        Assert.StartsWith("targetDuration must be a number of seconds from 1 to 86400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submission_takes_every_option_process_takes_and_gets_the_same_video()
    {
        var json = SubmitOptions.From(
            new SubmitVideoRequest
            {
                Source = "/m/a.mp4",
                Framing = "9:16",
                Loudness = -14,
                Crossfade = 250,
                BurnCaptions = true,
                ForceWhisper = true,
                AllowNoTranscript = true,
                WhisperModel = "tiny.en",
            },
            DefaultModel);
        var form = SubmitOptions.From(
            new Dictionary<string, string>
            {
                ["framing"] = "vertical", ["loudness"] = "-14", ["crossfade"] = "250", ["burnCaptions"] = "true",
                ["forceWhisper"] = "true", ["allowNoTranscript"] = "true", ["whisperModel"] = "tiny.en",
            },
            DefaultModel);

        Assert.Equal(new ReelChoices { Framing = ReelFraming.Vertical, LoudnessLufs = -14, CrossfadeMs = 250, BurnCaptions = true }, json.Reel);
        Assert.Equal((true, true, "tiny.en"), (json.ForceWhisper, json.AllowNoTranscript, json.WhisperModel));
        Assert.Equal(json, form);
        Assert.NotEqual(VideoId.For("cafe", new ProcessingOptions()), VideoId.For("cafe", json));
    }

    [Theory]
    [InlineData("framing", "diagonal")]
    [InlineData("loudness", "-20")]
    [InlineData("crossfade", "9000")]
    [InlineData("whisperModel", "/etc/passwd")]
    [InlineData("burnCaptions", "maybe")]
    public void A_bad_reel_or_whisper_option_is_refused_naming_the_field(string field, string value)
    {
        var error = Assert.Throws<SourceRejectedException>(() => SubmitOptions.From(new Dictionary<string, string> { [field] = value }, DefaultModel));

        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }
}
