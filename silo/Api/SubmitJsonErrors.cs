using System.Text.Json;

namespace Highlights.Silo.Api;

/// <summary>
/// Says what is wrong with a submission's JSON in the API's own terms: the field by its JSON name and what it should
/// hold. The serializer's messages name .NET types and members, which tell a client nothing and the world too much.
/// </summary>
public static class SubmitJsonErrors
{
    private const string UnmappedMarker = "could not be mapped";
    private const string MissingMarker = "missing required properties including:";

    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains(UnmappedMarker, StringComparison.Ordinal) && FirstQuoted(message) is { } unknown)
        {
            return $"unknown field '{Echo.Of(unknown)}'";
        }

        if (message.IndexOf(MissingMarker, StringComparison.Ordinal) is var at and >= 0)
        {
            return $"missing field {message[(at + MissingMarker.Length)..].Trim().TrimEnd('.')}";
        }

        if (exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal))
        {
            var field = path[2..];
            return $"field '{Echo.Of(field)}' must be {Expected(field)}";
        }

        return $"not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})";
    }

    private static string Expected(string field) => field switch
    {
        "targetDuration" or "budgetUsd" => "a JSON number",
        "toneMap" => "true or false",
        "source" or "captions" or "llm" or "llmModel" or "onBudget" => "a string",
        _ => "of another type",
    };

    private static string? FirstQuoted(string text)
    {
        var start = text.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf('\'', start + 1);
        return end > start ? text[(start + 1)..end] : null;
    }
}
