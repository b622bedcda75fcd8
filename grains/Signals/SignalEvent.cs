namespace Highlights.Grains.Signals;

/// <summary>Stable event type names, as written in signals.json.</summary>
public static class SignalEventTypes
{
    public const string LoudnessBurst = "loudness_burst";
    public const string Silence = "silence";
    public const string SceneCut = "scene_cut";
    public const string ExcitementPeak = "excitement_peak";
    public const string ReactionPeak = "reaction_peak";
}

/// <summary>
/// Something that happened between <see cref="Start"/> and <see cref="End"/> seconds (equal for an instant, such as
/// a scene cut); <see cref="Peak"/> is its strongest moment and <see cref="Strength"/> 0..1 how marked it is.
/// </summary>
public sealed record SignalEvent(string Type, double Start, double End, double Peak, double Strength);
