using Highlights.Grains.Audio;
using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

public sealed record SelectionInput(double DurationSeconds, IReadOnlyList<Cue> Cues, EnergySeries Energy, double TargetSeconds);
