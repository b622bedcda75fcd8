namespace Highlights.Grains.Export;

/// <summary>
/// Editors (Final Cut, OpenTimelineIO) place a dissolve over an edit point and take its media from the handles on
/// either side. Our crossfade overlaps the last frames of one clip with the first of the next; the same picture is
/// an edit point inside that overlap, the outgoing clip ending <see cref="After"/> frames early and the incoming one
/// starting <see cref="Before"/> frames late, with the dissolve reaching <see cref="Before"/> frames back from the edit
/// and <see cref="After"/> frames on.
/// </summary>
public readonly record struct CentredTransition(long Before, long After)
{
    public long Frames => Before + After;

    public static CentredTransition Of(long overlapFrames) => new(overlapFrames / 2, overlapFrames - (overlapFrames / 2));

    /// <summary>Where clip <paramref name="index"/> shows between the dissolves on its two sides: source in, record in, length.</summary>
    public static (long SourceIn, long RecordIn, long Length) Visible(ExportTimeline timeline, int index)
    {
        var clip = timeline.Clips[index];
        var head = Of(timeline.TransitionBefore(index)).Before;
        var tail = Of(timeline.TransitionBefore(index + 1)).After;
        return (clip.SourceIn + head, clip.RecordIn + head, clip.Length - head - tail);
    }
}
