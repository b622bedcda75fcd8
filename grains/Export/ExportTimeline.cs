using Highlights.Grains.Edl;

namespace Highlights.Grains.Export;

/// <summary>
/// The EDL as an editor sees it: clips laid end to end on a record timeline, each with its source in/out in
/// frames of an exact rate, a name, and a marker carrying why it was chosen. Every exporter writes this model.
/// </summary>
public sealed record ExportTimeline(string Name, string SourcePath, string SourceName, FrameRate Rate, int Width, int Height, bool HasAudio, long SourceFrames, IReadOnlyList<ExportClip> Clips)
{
    public long RecordFrames => Clips.Count == 0 ? 0 : Clips[^1].RecordOut;

    public static ExportTimeline From(EdlDocument edl)
    {
        var rate = FrameRate.FromMeasured(edl.Source.Fps);
        var clips = new List<ExportClip>();
        long record = 0;
        foreach (var segment in edl.Segments)
        {
            var length = segment.EndFrame - segment.StartFrame;
            var title = segment.Reasons.Count > 0 ? segment.Reasons[0] : segment.Id;
            clips.Add(new ExportClip(segment.Id, segment.StartFrame, segment.EndFrame, record, record + length, title, string.Join("; ", segment.Reasons), segment.Text));
            record += length;
        }

        var sourceName = Path.GetFileName(edl.Source.Path);
        var sourceFrames = (long)Math.Floor((edl.Source.Duration * rate.Numerator / rate.Denominator) + 1e-6);
        return new ExportTimeline($"Highlights {edl.VideoId}", edl.Source.Path, sourceName, rate, edl.Source.Width, edl.Source.Height, edl.Source.HasAudio, sourceFrames, clips);
    }
}

/// <summary>A clip: source frames [SourceIn, SourceOut) placed at record frames [RecordIn, RecordOut).</summary>
public sealed record ExportClip(string Id, long SourceIn, long SourceOut, long RecordIn, long RecordOut, string Title, string Reason, string Text)
{
    public long Length => SourceOut - SourceIn;
}
