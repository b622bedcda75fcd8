namespace Highlights.Grains.Signals;

/// <summary>Values of <see cref="SignalsOptions.Mode"/> and <see cref="SignalInputs.Mode"/>.</summary>
public static class SignalsModes
{
    public const string Full = "full";

    public const string CoarseToFine = "coarse-to-fine";
}
