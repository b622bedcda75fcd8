using Highlights.Grains.Audio;

namespace Highlights.Grains.Selection;

/// <summary>
/// The time series selection fuses with the transcript; each may be missing, and a missing one is left out of the
/// score rather than guessed. <see cref="Audio"/> is audio excitement where the signals stage measured it, else loudness.
/// </summary>
public sealed record SelectionSignals(SignalTrack? Audio, SignalTrack? Visual)
{
    public static SelectionSignals None { get; } = new(null, null);

    public static SelectionSignals From(EnergySeries energy) =>
        new(energy.Present && energy.Normalised.Length > 0 ? new SignalTrack("audio energy", energy.WindowSeconds, energy.Normalised) : null, null);
}
