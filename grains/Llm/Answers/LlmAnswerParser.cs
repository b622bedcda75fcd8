using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Highlights.Grains.Llm.Chunks;

namespace Highlights.Grains.Llm.Answers;

/// <summary>
/// Checks an answer against docs/llm-candidates.schema.json (the same rules, by hand: no schema library restores
/// here) and against its chunk: every candidate must start on a time inside the chunk and end after it starts.
/// Nothing is repaired here; a problem is described so the one repair request can say what to fix.
/// </summary>
public static partial class LlmAnswerParser
{
    public const int MaxCandidates = 10;

    private static readonly string[] Fields = ["start", "end", "title", "hook", "reason", "score", "quote"];

    public static AnswerCheck Check(string content, TranscriptChunk chunk)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripCodeFence(content));
        }
        catch (JsonException ex)
        {
            return AnswerCheck.Invalid($"it is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("candidates", out var list) || root.EnumerateObject().Count() != 1)
            {
                return AnswerCheck.Invalid("the JSON must be an object with exactly one property, \"candidates\"");
            }

            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxCandidates)
            {
                return AnswerCheck.Invalid($"\"candidates\" must be an array of at most {MaxCandidates} objects");
            }

            var problems = new List<string>();
            var candidates = new List<RawCandidate>();
            var number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                if (Read(item, number, chunk, problems) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }

            return problems.Count == 0 ? AnswerCheck.Valid(candidates) : AnswerCheck.Invalid(string.Join("; ", problems.Take(5)));
        }
    }

    private static RawCandidate? Read(JsonElement item, int number, TranscriptChunk chunk, List<string> problems)
    {
        var errors = new List<string>();
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"candidate {number} is not an object");
            return null;
        }

        var names = item.EnumerateObject().Select(p => p.Name).ToList();
        var missing = Fields.Except(names).ToList();
        var extra = names.Except(Fields).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            problems.Add($"candidate {number} must have exactly {string.Join(", ", Fields)}{(missing.Count > 0 ? $" (missing {string.Join(", ", missing)})" : string.Empty)}{(extra.Count > 0 ? $" (unexpected {string.Join(", ", extra)})" : string.Empty)}");
            return null;
        }

        var start = Time(item, "start", errors);
        var end = Time(item, "end", errors);
        var title = Text(item, "title", 1, 120, errors);
        var hook = Text(item, "hook", 1, 240, errors);
        var reason = Text(item, "reason", 1, 400, errors);
        var quote = Text(item, "quote", 0, 400, errors);
        var score = item.GetProperty("score") is { ValueKind: JsonValueKind.Number } s && s.TryGetInt32(out var value) && value is >= 0 and <= 100 ? value : (int?)null;
        if (score is null)
        {
            errors.Add("score must be a whole number from 0 to 100");
        }

        if (start is { } a && end is { } b)
        {
            var first = Math.Floor(chunk.Start);
            if (a < first || a > chunk.End)
            {
                errors.Add($"start {Timecode.Format(a)} is outside this part ({Timecode.Format(chunk.Start)}-{Timecode.Format(chunk.End)})");
            }
            else if (b <= a)
            {
                errors.Add($"end {Timecode.Format(b)} is not after start {Timecode.Format(a)}");
            }
        }

        if (errors.Count > 0)
        {
            problems.Add($"candidate {number}: {string.Join(", ", errors)}");
            return null;
        }

        return new RawCandidate(start!.Value, end!.Value, title!, hook!, reason!, score!.Value, quote!);
    }

    private static double? Time(JsonElement item, string name, List<string> errors)
    {
        var text = item.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        if (text is not null && Marker().IsMatch(text) && Timecode.TryParse(text, out var seconds))
        {
            return seconds;
        }

        errors.Add($"{name} must be a \"mm:ss\" marker{(text is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", not \"{text}\""))}");
        return null;
    }

    private static string? Text(JsonElement item, string name, int minLength, int maxLength, List<string> errors)
    {
        var text = item.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        if (text is not null && text.Length >= minLength && text.Length <= maxLength)
        {
            return text;
        }

        errors.Add($"{name} must be a string of {minLength} to {maxLength} characters");
        return null;
    }

    /// <summary>Models without structured outputs often wrap JSON in a Markdown fence; that is not worth a repair.</summary>
    private static string StripCodeFence(string content)
    {
        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var closing = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && closing > firstLineEnd ? text[(firstLineEnd + 1)..closing].Trim() : text;
    }

    [GeneratedRegex(@"^[0-9]{1,3}:[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
