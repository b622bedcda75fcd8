namespace Highlights.Grains.Edl;

/// <summary>
/// The edit decision list, version 1: what to cut from which source and how to render it.
/// Its JSON form is specified by docs/edl-v1.schema.json; change both together.
/// </summary>
public sealed record EdlDocument(
    int Version,
    string VideoId,
    EdlSource Source,
    double TargetDuration,
    double TotalDuration,
    EdlSelector Selector,
    IReadOnlyList<EdlSegment> Segments,
    RenderSettings Render)
{
    public const int CurrentVersion = 1;
}

public sealed record EdlSource(string Path, string Sha256, double Duration, int Width, int Height, double Fps, bool HasAudio);

public sealed record EdlSelector(string Method, string Version, IReadOnlyList<string> Notes);

/// <summary>A cut. Times are seconds on frame boundaries; frames are the same cut in source frame numbers.</summary>
public sealed record EdlSegment(
    string Id,
    double Start,
    double End,
    long StartFrame,
    long EndFrame,
    double Score,
    IReadOnlyList<string> Reasons,
    string Text)
{
    public double Duration => End - Start;
}
