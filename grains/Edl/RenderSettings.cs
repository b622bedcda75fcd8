namespace Highlights.Grains.Edl;

/// <summary>
/// How the EDL is to be rendered; part of the EDL so a render can be repeated exactly. <see cref="Width"/> and
/// <see cref="Height"/> are the reel's picture (zero in EDLs written before framing existed: the source's size).
/// <see cref="Colour"/> is how the source's pixels are read before conversion to BT.709; <see cref="Loudness"/> is the
/// target and the whole source's measurement (null without sound); <see cref="AudioFadeMs"/> fades sound in and out
/// at every cut so no cut clicks.
/// </summary>
public sealed record RenderSettings(
    string Container,
    string VideoCodec,
    string Preset,
    int Crf,
    string PixelFormat,
    string AudioCodec,
    int AudioBitrateKbps,
    bool Faststart,
    bool ToneMapHdr,
    ReelFraming Framing = ReelFraming.Source,
    int Width = 0,
    int Height = 0,
    ColourInput? Colour = null,
    LoudnessSettings? Loudness = null,
    int AudioFadeMs = 0,
    bool BurnCaptions = false,
    int AudioSampleRate = RenderSettings.DefaultAudioSampleRate)
{
    public const int DefaultAudioSampleRate = 48_000;
}
