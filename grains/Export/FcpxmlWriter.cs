using System.Xml.Linq;

namespace Highlights.Grains.Export;

/// <summary>
/// Final Cut Pro XML 1.10: one format and one asset (the source) in resources, a project whose spine holds one
/// asset-clip per segment with exact rational times, and a marker per clip carrying its title and reason.
/// </summary>
public static class FcpxmlWriter
{
    public const string Version = "1.10";

    public static XDocument Build(ExportTimeline timeline)
    {
        var rate = timeline.Rate;
        var tcFormat = rate.IsDropFrame ? "DF" : "NDF";
        var spine = new XElement("spine");
        foreach (var clip in timeline.Clips)
        {
            spine.Add(new XElement(
                "asset-clip",
                new XAttribute("ref", "r2"),
                new XAttribute("name", clip.Id),
                new XAttribute("offset", rate.RationalSeconds(clip.RecordIn)),
                new XAttribute("start", rate.RationalSeconds(clip.SourceIn)),
                new XAttribute("duration", rate.RationalSeconds(clip.Length)),
                new XAttribute("tcFormat", tcFormat),
                new XElement(
                    "marker",
                    new XAttribute("start", rate.RationalSeconds(clip.SourceIn)),
                    new XAttribute("duration", rate.FrameDuration),
                    new XAttribute("value", clip.Title),
                    new XAttribute("note", clip.Reason))));
        }

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

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XDocumentType("fcpxml", null, null, null),
            new XElement(
                "fcpxml",
                new XAttribute("version", Version),
                new XElement(
                    "resources",
                    new XElement(
                        "format",
                        new XAttribute("id", "r1"),
                        new XAttribute("frameDuration", rate.FrameDuration),
                        new XAttribute("width", timeline.Width),
                        new XAttribute("height", timeline.Height)),
                    asset),
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
                                new XAttribute("format", "r1"),
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

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
