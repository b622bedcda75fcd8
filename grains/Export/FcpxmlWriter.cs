using System.Globalization;
using System.Xml.Linq;

namespace Highlights.Grains.Export;

/// <summary>
/// Final Cut Pro XML 1.10: formats and the source asset in resources, a project whose spine holds one asset-clip per
/// segment with exact rational times and a marker carrying its title and reason, a Cross Dissolve where segments
/// crossfade (<see cref="CentredTransition"/>), and for a reframed reel a project of the crop's size in which each clip
/// is placed unscaled and moved by an animated adjust-transform along its crop path.
/// </summary>
public static class FcpxmlWriter
{
    public const string Version = "1.10";

    /// <summary>Final Cut's own Cross Dissolve.</summary>
    private const string CrossDissolveUid = "FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265";

    public static XDocument Build(ExportTimeline timeline)
    {
        var rate = timeline.Rate;
        var tcFormat = rate.IsDropFrame ? "DF" : "NDF";
        var projectFormat = timeline.Window is null ? "r1" : "r3";
        var spine = new XElement("spine");
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var transition = CentredTransition.Of(timeline.TransitionBefore(i));
            if (transition.Frames > 0)
            {
                spine.Add(new XElement(
                    "transition",
                    new XAttribute("name", "Cross Dissolve"),
                    new XAttribute("offset", rate.RationalSeconds(clip.RecordIn)),
                    new XAttribute("duration", rate.RationalSeconds(transition.Frames)),
                    new XElement("filter-video", new XAttribute("ref", "r4"), new XAttribute("name", "Cross Dissolve"))));
            }

            var (sourceIn, recordIn, length) = CentredTransition.Visible(timeline, i);
            var element = new XElement(
                "asset-clip",
                new XAttribute("ref", "r2"),
                new XAttribute("name", clip.Id),
                new XAttribute("offset", rate.RationalSeconds(recordIn)),
                new XAttribute("start", rate.RationalSeconds(sourceIn)),
                new XAttribute("duration", rate.RationalSeconds(length)),
                new XAttribute("tcFormat", tcFormat));
            if (timeline.Window is { } window)
            {
                element.Add(new XElement("adjust-conform", new XAttribute("type", "none")), Transform(timeline, clip, window));
            }

            element.Add(new XElement(
                "marker",
                new XAttribute("start", rate.RationalSeconds(sourceIn)),
                new XAttribute("duration", rate.FrameDuration),
                new XAttribute("value", clip.Title),
                new XAttribute("note", clip.Reason)));
            spine.Add(element);
        }

        var resources = new XElement("resources", Format("r1", timeline.Rate, timeline.Width, timeline.Height), Asset(timeline));
        if (timeline.Window is { } project)
        {
            resources.Add(Format("r3", timeline.Rate, project.Width, project.Height));
        }

        if (timeline.Clips.Any(c => c.TransitionFrames > 0))
        {
            resources.Add(new XElement("effect", new XAttribute("id", "r4"), new XAttribute("name", "Cross Dissolve"), new XAttribute("uid", CrossDissolveUid)));
        }

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XDocumentType("fcpxml", null, null, null),
            new XElement(
                "fcpxml",
                new XAttribute("version", Version),
                resources,
                new XElement(
                    "library",
                    new XElement(
                        "event",
                        new XAttribute("name", "Highlights"),
                        new XElement(
                            "project",
                            new XAttribute("name", timeline.Name),
                            new XElement(
                                "sequence",
                                new XAttribute("format", projectFormat),
                                new XAttribute("duration", rate.RationalSeconds(timeline.RecordFrames)),
                                new XAttribute("tcStart", "0s"),
                                new XAttribute("tcFormat", tcFormat),
                                spine))))));
    }

    public static string Write(ExportTimeline timeline)
    {
        var document = Build(timeline);
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    /// <summary>
    /// Moves the unscaled source so the crop window sits in the project frame. Final Cut measures position from the
    /// frame's centre, y up, in percent of the project's height.
    /// </summary>
    public static string Position(ExportTimeline timeline, ExportWindow window, int x, int y)
    {
        var dx = (timeline.Width / 2.0) - (x + (window.Width / 2.0));
        var dy = (y + (window.Height / 2.0)) - (timeline.Height / 2.0);
        return string.Create(CultureInfo.InvariantCulture, $"{100 * dx / window.Height:0.####} {100 * dy / window.Height:0.####}");
    }

    private static XElement Transform(ExportTimeline timeline, ExportClip clip, ExportWindow window)
    {
        var keyframes = clip.Keyframes is { Count: > 0 } path ? path : [new ExportKeyframe(0, (timeline.Width - window.Width) / 2, (timeline.Height - window.Height) / 2)];
        var transform = new XElement("adjust-transform", new XAttribute("position", Position(timeline, window, keyframes[0].X, keyframes[0].Y)));
        if (keyframes.Count > 1)
        {
            // Keyframe times are in the clip's own (source) time, like its start attribute.
            transform.Add(new XElement(
                "param",
                new XAttribute("name", "position"),
                new XElement("keyframeAnimation", keyframes.Select(k => new XElement(
                    "keyframe",
                    new XAttribute("time", timeline.Rate.RationalSeconds(clip.SourceIn + k.Frame)),
                    new XAttribute("value", Position(timeline, window, k.X, k.Y)))))));
        }

        return transform;
    }

    private static XElement Format(string id, FrameRate rate, int width, int height) => new(
        "format",
        new XAttribute("id", id),
        new XAttribute("frameDuration", rate.FrameDuration),
        new XAttribute("width", width),
        new XAttribute("height", height));

    private static XElement Asset(ExportTimeline timeline)
    {
        var rate = timeline.Rate;
        var asset = new XElement(
            "asset",
            new XAttribute("id", "r2"),
            new XAttribute("name", timeline.SourceName),
            new XAttribute("start", "0s"),
            new XAttribute("duration", rate.RationalSeconds(timeline.SourceFrames)),
            new XAttribute("hasVideo", "1"),
            new XAttribute("format", "r1"),
            new XAttribute("videoSources", "1"));
        if (timeline.HasAudio)
        {
            asset.Add(new XAttribute("hasAudio", "1"), new XAttribute("audioSources", "1"), new XAttribute("audioChannels", "2"));
        }

        asset.Add(new XElement("media-rep", new XAttribute("kind", "original-media"), new XAttribute("src", new Uri(Path.GetFullPath(timeline.SourcePath)).AbsoluteUri)));
        return asset;
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
