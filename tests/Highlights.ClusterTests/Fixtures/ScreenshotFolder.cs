namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// Where a browser test puts its screenshots: the folder HIGHLIGHTS_STUDIO_SCREENSHOTS names (kept, as docs/studio/
/// is made), else a temporary one removed with this object.
/// </summary>
public sealed class ScreenshotFolder : IDisposable
{
    private readonly bool temporary;

    public ScreenshotFolder()
    {
        var configured = Environment.GetEnvironmentVariable("HIGHLIGHTS_STUDIO_SCREENSHOTS");
        temporary = string.IsNullOrEmpty(configured);
        Path = temporary ? Directory.CreateTempSubdirectory("highlights-studio-").FullName : Directory.CreateDirectory(configured!).FullName;
    }

    public string Path { get; }

    public string Of(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (temporary)
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
