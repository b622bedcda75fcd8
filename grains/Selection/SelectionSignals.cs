using Highlights.Grains.Audio;
using Highlights.Grains.Signals;

namespace Highlights.Grains.Selection;

/// <summary>
/// The time series selection fuses with the transcript; each may be missing, and a missing one is left out of the
/// score rather than guessed. <see cref="Audio"/> is audio excitement where the signals stage measured it, else loudness.
/// <see cref="Events"/> are the signals stage's excitement and reaction peaks, whose rises and falls give candidates
/// their edges (<see cref="SignalWindows"/>); none from plain loudness.
/// </summary>
public sealed record SelectionSignals(SignalTrack? Audio, SignalTrack? Visual)
{
    public static SelectionSignals None { get; } = new(null, null);

    public IReadOnlyList<SignalEvent> Events { get; init; } = [];

    public static SelectionSignals From(EnergySeries energy) =>
        new(energy.Present && energy.Normalised.Length > 0 ? new SignalTrack("audio energy", energy.WindowSeconds, energy.Normalised) : null, null);

    /// <summary>
    /// The signals stage's tracks: audio excitement (bursts of broadband sound over the loudness) rather than plain
    /// loudness, and the visual reaction. A track whose input was missing (no audio, no frames) is left out, and so
    /// are its events.
    /// </summary>
    public static SelectionSignals From(SignalsDocument document)
    {
        var audio = document.Inputs.HasAudio && document.Series.AudioExcitement.Length > 0
            ? new SignalTrack("audio excitement", document.Step, document.Series.AudioExcitement)
            : null;
        var visual = document.Inputs.Frames > 0 && document.Series.VisualReaction.Length > 0
            ? new SignalTrack("visual reaction", document.Step, document.Series.VisualReaction)
            : null;
        return new(audio, visual)
        {
            Events = [.. document.Events.Where(e =>
                (e.Type == SignalEventTypes.ExcitementPeak && audio is not null) || (e.Type == SignalEventTypes.ReactionPeak && visual is not null))],
        };
    }
}
