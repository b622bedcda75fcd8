using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Signals;

namespace Highlights.Grains.Selection;

/// <param name="Signals">Audio excitement and visual reaction by time, when the signals stage ran.</param>
public sealed record SelectionInput(double DurationSeconds, IReadOnlyList<Cue> Cues, EnergySeries Energy, double TargetSeconds, SignalTimeline? Signals = null);
