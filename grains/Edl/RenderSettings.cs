namespace Highlights.Grains.Edl;

/// <summary>How the EDL is to be rendered; part of the EDL so a render can be repeated exactly.</summary>
public sealed record RenderSettings(
    string Container,
    string VideoCodec,
    string Preset,
    int Crf,
    string PixelFormat,
    string AudioCodec,
    int AudioBitrateKbps,
    bool Faststart,
    bool ToneMapHdr);
