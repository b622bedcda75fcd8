namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// Which frames a decode delivers: all of them at the format's rate, those of one window (seeking to it), or only
/// the keyframes (the decoder skips every other picture, so it runs at about demux speed).
/// </summary>
public sealed record FrameSelection(double Start, double? Length, bool KeyframesOnly)
{
    public static FrameSelection All { get; } = new(0, null, false);

    public static FrameSelection Keyframes { get; } = new(0, null, true);

    public static FrameSelection Window(double start, double length) => new(start, length, false);
}
