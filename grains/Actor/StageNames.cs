namespace Highlights.Grains.Actor;

/// <summary>Stable stage names: they key checkpoints on disk (and rows in the database later), so never rename one.</summary>
public static class StageNames
{
    public const string Probe = "probe";
    public const string Audio = "audio";
    public const string Transcript = "transcript";
    public const string Energy = "energy";
    public const string Loudness = "loudness";
    public const string Signals = "signals";
    public const string Select = "select";
    public const string Faces = "faces";
    public const string Edl = "edl";
    public const string Render = "render";

    /// <summary>Every stage, for series published before any has run.</summary>
    public static readonly IReadOnlyList<string> All = [Probe, Audio, Transcript, Energy, Loudness, Signals, Select, Faces, Edl, Render];
}
