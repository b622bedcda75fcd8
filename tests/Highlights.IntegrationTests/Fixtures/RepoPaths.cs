namespace Highlights.IntegrationTests.Fixtures;

/// <summary>Locates the checkout and the shared test data beside it (override with HIGHLIGHTS_SHARED_DIR).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Prompts => Path.Combine(Root, "prompts");

    public static string EdlSchema => Path.Combine(Root, "docs", "edl-v1.schema.json");

    public static string Shared =>
        Environment.GetEnvironmentVariable("HIGHLIGHTS_SHARED_DIR") is { Length: > 0 } shared
            ? shared
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>whisper.cpp's CI model: the real file format with no weights; it loads and runs, and hears nothing.</summary>
    public static string WhisperTestModel => Path.Combine(Shared, "models", "for-tests-ggml-tiny.en.bin");

    /// <summary>11 s of real speech (JFK's inaugural address), 16 kHz mono WAV.</summary>
    public static string Jfk => Path.Combine(Shared, "samples", "jfk.wav");

    /// <summary>The CLI as built next to the tests (the test project references it).</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "highlights.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Highlights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Highlights.sln above {AppContext.BaseDirectory}");
    }
}
