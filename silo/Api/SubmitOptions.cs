using System.Globalization;
using Highlights.Client.Contracts;
using Highlights.Grains.Edl;
using Highlights.Grains.Llm;
using Highlights.Grains.State;
using Highlights.Grains.Transcription;

namespace Highlights.Silo.Api;

/// <summary>Turns the options of a submission (JSON body or upload form fields) into <see cref="ProcessingOptions"/>, rejecting bad values.</summary>
public static class SubmitOptions
{
    public const string Offline = "offline";

    /// <summary>The upload form fields besides <c>file</c>; the same names as the JSON body's.</summary>
    public static readonly IReadOnlyList<string> FormFields =
    [
        "targetDuration", "toneMap", "llm", "llmModel", "budgetUsd", "onBudget",
        "framing", "loudness", "crossfade", "burnCaptions", "forceWhisper", "allowNoTranscript", "whisperModel",
    ];

    /// <summary>Shortest reel worth cutting; also keeps denormal and zero targets out.</summary>
    public const double MinTargetSeconds = 1;

    /// <summary>A day: more than any source <c>Probe:MaxDuration</c> accepts by default; the probe then checks the target against the source.</summary>
    public const double MaxTargetSeconds = 86_400;

    /// <summary>Refuses a form field not in <see cref="FormFields"/>, naming it (shortened) and the ones expected.</summary>
    public static void CheckFormField(string name)
    {
        if (!FormFields.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new SourceRejectedException($"unknown form field '{Echo.Of(name)}' (expected file, {string.Join(", ", FormFields)})");
        }
    }

    /// <param name="defaultModel">The model when the request names none (<c>Llm:Model</c>).</param>
    public static ProcessingOptions From(SubmitVideoRequest request, string defaultModel)
    {
        var target = request.TargetDuration ?? new ProcessingOptions().TargetSeconds;
        if (!double.IsFinite(target) || target < MinTargetSeconds || target > MaxTargetSeconds)
        {
            throw new SourceRejectedException(
                $"targetDuration must be a number of seconds from {MinTargetSeconds} to {MaxTargetSeconds}, not {Echo.Of(target.ToString(CultureInfo.InvariantCulture))}");
        }

        var options = new ProcessingOptions
        {
            TargetSeconds = target,
            ToneMapHdr = request.ToneMap ?? false,
            Reel = ReelOf(request),
            ForceWhisper = request.ForceWhisper ?? false,
            AllowNoTranscript = request.AllowNoTranscript ?? false,
            WhisperModel = request.WhisperModel is { } model
                ? WhisperModelCatalog.Find(model)?.Name ?? throw new SourceRejectedException(
                    $"whisperModel must be one of {string.Join(", ", WhisperModelCatalog.All.Select(m => m.Name))}, not '{Echo.Of(model)}'")
                : null,
        };
        var provider = request.Llm ?? Offline;
        if (provider == Offline)
        {
            return options;
        }

        if (provider != LlmOptions.OpenAiProvider)
        {
            throw new SourceRejectedException($"llm must be {Offline} or {LlmOptions.OpenAiProvider}, not '{Echo.Of(provider)}'");
        }

        if (request.BudgetUsd < 0)
        {
            throw new SourceRejectedException("budgetUsd must be 0 or more");
        }

        BudgetAction? onBudget = request.OnBudget switch
        {
            null => null,
            "stop" => BudgetAction.Stop,
            "offline" => BudgetAction.Offline,
            var other => throw new SourceRejectedException($"onBudget must be stop or offline, not '{Echo.Of(other)}'"),
        };
        return options with { Llm = new LlmChoice(provider, request.LlmModel ?? defaultModel), BudgetUsd = request.BudgetUsd, OnBudgetExceeded = onBudget };
    }

    /// <summary>The reel choices of the request, checked as the CLI checks <c>--framing</c>, <c>--loudness</c> and <c>--crossfade</c>.</summary>
    private static ReelChoices? ReelOf(SubmitVideoRequest request)
    {
        var framing = ReelFramingNames.Parse(request.Framing);
        if (request.Framing is not null && framing is null)
        {
            throw new SourceRejectedException($"framing must be one of {string.Join(", ", ReelFramingNames.All)}, not '{Echo.Of(request.Framing)}'");
        }

        if (request.Loudness is { } lufs && lufs is not (-14 or -16 or -23))
        {
            throw new SourceRejectedException($"loudness must be -16, -14 or -23 (LUFS), not {Echo.Of(lufs.ToString(CultureInfo.InvariantCulture))}");
        }

        if (request.Crossfade is < 0 or > 5000)
        {
            throw new SourceRejectedException("crossfade must be 0 to 5000 milliseconds");
        }

        return new ReelChoices { Framing = framing, LoudnessLufs = request.Loudness, CrossfadeMs = request.Crossfade, BurnCaptions = request.BurnCaptions }.OrNullWhenEmpty();
    }

    /// <summary>Upload form fields, named as in <see cref="FormFields"/>.</summary>
    public static ProcessingOptions From(IReadOnlyDictionary<string, string> fields, string defaultModel)
    {
        foreach (var name in fields.Keys)
        {
            CheckFormField(name);
        }

        string? Field(string name) => fields.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        return From(
            new SubmitVideoRequest
            {
                Source = string.Empty,
                TargetDuration = Parse(Field("targetDuration"), "targetDuration", "a number", Number),
                ToneMap = Parse(Field("toneMap"), "toneMap", "true or false", Flag),
                Llm = Field("llm"),
                LlmModel = Field("llmModel"),
                BudgetUsd = Parse(Field("budgetUsd"), "budgetUsd", "a number", t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null),
                OnBudget = Field("onBudget"),
                Framing = Field("framing"),
                Loudness = Parse(Field("loudness"), "loudness", "a number", Number),
                Crossfade = Parse(Field("crossfade"), "crossfade", "a whole number", t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null),
                BurnCaptions = Parse(Field("burnCaptions"), "burnCaptions", "true or false", Flag),
                ForceWhisper = Parse(Field("forceWhisper"), "forceWhisper", "true or false", Flag),
                AllowNoTranscript = Parse(Field("allowNoTranscript"), "allowNoTranscript", "true or false", Flag),
                WhisperModel = Field("whisperModel"),
            },
            defaultModel);
    }

    private static bool? Flag(string text) => bool.TryParse(text, out var value) ? value : null;

    private static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static T? Parse<T>(string? text, string field, string expected, Func<string, T?> parse)
        where T : struct =>
        text is null ? null : parse(text) ?? throw new SourceRejectedException($"{field} '{Echo.Of(text)}' is not {expected}");
}
