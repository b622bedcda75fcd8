using Highlights.Grains.Edl;

namespace Highlights.Grains.Export;

/// <summary>
/// The EDL as an editor sees it: clips on a record timeline, each with its source in/out in frames of an exact rate,
/// a name, a marker carrying why it was chosen, the crossfade that joins it to the clip before, and its crop path when
/// the reel is reframed (<see cref="Window"/> is then the crop size). Every exporter writes this model.
/// </summary>
public sealed record ExportTimeline(
    string Name,
    string SourcePath,
    string SourceName,
    FrameRate Rate,
    int Width,
    int Height,
    bool HasAudio,
    long SourceFrames,
    IReadOnlyList<ExportClip> Clips,
    ExportWindow? Window = null)
{
    public long RecordFrames => Clips.Count == 0 ? 0 : Clips[^1].RecordOut;

    public static ExportTimeline From(EdlDocument edl)
    {
        var rate = FrameRate.FromMeasured(edl.Source.Fps);
        var starts = ReelTimeline.RecordStartFrames(edl.Segments);
        var clips = new List<ExportClip>();
        for (var i = 0; i < edl.Segments.Count; i++)
        {
            var segment = edl.Segments[i];
            var title = segment.Reasons.Count > 0 ? segment.Reasons[0] : segment.Id;
            var keyframes = segment.Reframe?.Keyframes
                .Select(k => new ExportKeyframe((long)Math.Round(k.Time * rate.Numerator / rate.Denominator, MidpointRounding.AwayFromZero), k.X, k.Y))
                .ToList();
            clips.Add(new ExportClip(
                segment.Id, segment.StartFrame, segment.EndFrame, starts[i], starts[i] + segment.Frames, title, string.Join("; ", segment.Reasons), segment.Text,
                segment.OverlapFrames, keyframes));
        }

        var sourceName = Path.GetFileName(edl.Source.Path);
        var sourceFrames = (long)Math.Floor((edl.Source.Duration * rate.Numerator / rate.Denominator) + 1e-6);
        var window = edl.Render.Framing != ReelFraming.Source && edl.Render.Width > 0 ? new ExportWindow(edl.Render.Width, edl.Render.Height) : null;
        return new ExportTimeline($"Highlights {edl.VideoId}", edl.Source.Path, sourceName, rate, edl.Source.Width, edl.Source.Height, edl.Source.HasAudio, sourceFrames, clips, window);
    }

    /// <summary>Frames the crossfade into clip <paramref name="index"/> takes from the clip before it (0 after a cut).</summary>
    public long TransitionBefore(int index) => index is > 0 && index < Clips.Count ? Clips[index].TransitionFrames : 0;
}

/// <summary>
/// A clip: source frames [SourceIn, SourceOut) placed at record frames [RecordIn, RecordOut). A crossfade into it
/// overlaps its first <see cref="TransitionFrames"/> with the previous clip's last ones; <see cref="Keyframes"/> is
/// its crop path, frames counted from <see cref="SourceIn"/>.
/// </summary>
public sealed record ExportClip(
    string Id,
    long SourceIn,
    long SourceOut,
    long RecordIn,
    long RecordOut,
    string Title,
    string Reason,
    string Text,
    long TransitionFrames = 0,
    IReadOnlyList<ExportKeyframe>? Keyframes = null)
{
    public long Length => SourceOut - SourceIn;
}

/// <summary>Crop window top-left in source pixels, <see cref="Frame"/> frames after the clip's source in-point.</summary>
public sealed record ExportKeyframe(long Frame, int X, int Y);

/// <summary>The reframed reel's picture: the crop window's size in source pixels.</summary>
public sealed record ExportWindow(int Width, int Height);
