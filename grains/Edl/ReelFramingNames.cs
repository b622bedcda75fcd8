namespace Highlights.Grains.Edl;

/// <summary>How a framing is named where users give one (<c>--framing</c>, the API's <c>framing</c>). Pure.</summary>
public static class ReelFramingNames
{
    public static readonly IReadOnlyList<string> All = ["source", "vertical", "square", "16:9", "9:16", "1:1"];

    public static ReelFraming? Parse(string? name) => name switch
    {
        "source" or "16:9" => ReelFraming.Source,
        "vertical" or "9:16" => ReelFraming.Vertical,
        "square" or "1:1" => ReelFraming.Square,
        _ => null,
    };
}
