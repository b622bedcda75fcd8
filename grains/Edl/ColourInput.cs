using System.Text.Json.Serialization;
namespace Highlights.Grains.Edl;

public enum ColourBasis
{
    /// <summary>The stream's own tags, each a known value.</summary>
    Tags,

    /// <summary>Tags missing or unusable: SD pictures are read as BT.601, HD as BT.709.</summary>
    Resolution,
}

/// <summary>
/// How the source's pixels are interpreted before conversion to BT.709 (names as zscale and ffprobe spell them).
/// <see cref="Basis"/> says whether the stream's tags were trusted or the picture size decided.
/// </summary>
public sealed record ColourInput(string Matrix, string Primaries, string Transfer, string Range, ColourBasis Basis)
{
    [JsonIgnore]
    public bool IsHdr => Transfer is "smpte2084" or "arib-std-b67";
}
