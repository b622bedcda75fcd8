namespace Highlights.Grains.Edl;

/// <summary>The reel's picture shape: the source's own framing (16:9 for most), or a crop to 9:16 or 1:1.</summary>
public enum ReelFraming
{
    Source,
    Vertical,
    Square,
}
