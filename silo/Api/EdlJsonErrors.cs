using System.Text.Json;
using Highlights.Grains.Edl;

namespace Highlights.Silo.Api;

/// <summary>The field path an edited EDL's fault is reported under (<c>segments[2].end</c>, 0-based as in JSON), the key of the 422's <c>errors</c>.</summary>
public static class EdlJsonErrors
{
    public static string FieldOf(EdlProblem problem) =>
        problem.Segment is { } segment ? $"segments[{segment - 1}].{problem.Field}" : problem.Field;

    /// <summary>The JSON path the serializer stopped at, without its <c>$.</c>; <c>$</c> for the body itself.</summary>
    public static string FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
}
