using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Highlights.TestSupport;

/// <summary>A request as the scripted server received it, with readers for what the tests check.</summary>
public sealed partial record RecordedRequest(int Number, JsonElement Body)
{
    public string Model => Body.GetProperty("model").GetString()!;

    public IReadOnlyList<(string Role, string Content)> Messages => [.. Body.GetProperty("messages").EnumerateArray()
        .Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))];

    public string LastUserText => Messages.Last(m => m.Role == "user").Content;

    public bool IsRepair => Messages.Any(m => m.Role == "assistant");

    public int? MaxCompletionTokens => Body.TryGetProperty("max_completion_tokens", out var v) ? v.GetInt32() : null;

    public int? MaxTokens => Body.TryGetProperty("max_tokens", out var v) ? v.GetInt32() : null;

    /// <summary>The cap the client asked for, whichever field carried it.</summary>
    public int Cap => MaxCompletionTokens ?? MaxTokens ?? throw new InvalidOperationException("request has no output cap");

    /// <summary>The chunk the prompt names ("Part N of M"), 1-based.</summary>
    public int Chunk => int.Parse(PartNumber().Match(Messages.First(m => m.Role == "user").Content).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The [mm:ss] markers of the chunk's transcript lines, in order.</summary>
    public IReadOnlyList<string> Markers => [.. Marker().Matches(Messages.First(m => m.Role == "user").Content).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"Part (\d+) of \d+")]
    private static partial Regex PartNumber();

    [GeneratedRegex(@"^\[(\d+:\d\d)\]", RegexOptions.Multiline)]
    private static partial Regex Marker();
}
