using Highlights.Grains.Audio;
using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>
/// What selection reads. <see cref="Signals"/> defaults to the energy series; a signals stage can supply richer tracks.
/// <see cref="FrameRate"/> (the source's, null without video) puts edges taken from the signals on frames.
/// </summary>
public sealed record SelectionInput(double DurationSeconds, IReadOnlyList<Cue> Cues, EnergySeries Energy, double TargetSeconds)
{
    public SelectionSignals Signals { get; init; } = SelectionSignals.From(Energy);

    public double? FrameRate { get; init; }
}
