namespace Highlights.Grains.Edl;

/// <summary>
/// The outcome of <see cref="EdlValidator.Validate"/>: the EDL to render (frames and totals derived from its times), or
/// the first problem found.
/// </summary>
public sealed record EdlValidation(EdlDocument? Edl, EdlProblem? Problem)
{
    public bool IsValid => Problem is null;
}
