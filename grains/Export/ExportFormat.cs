namespace Highlights.Grains.Export;

public enum ExportFormat
{
    Otio,
    Fcpxml,
    Cmx3600,
}

public static class EdlExporter
{
    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Otio => ".otio",
        ExportFormat.Fcpxml => ".fcpxml",
        _ => ".edl",
    };

    public static string Write(ExportTimeline timeline, ExportFormat format) => format switch
    {
        ExportFormat.Otio => OtioWriter.Write(timeline),
        ExportFormat.Fcpxml => FcpxmlWriter.Write(timeline),
        _ => Cmx3600Writer.Write(timeline),
    };
}
