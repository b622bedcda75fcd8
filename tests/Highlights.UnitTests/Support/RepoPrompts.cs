namespace Highlights.UnitTests.Support;

/// <summary>The checkout's prompts/ folder, found above the test binaries.</summary>
public static class RepoPrompts
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Highlights.sln")))
            {
                return Path.Combine(dir.FullName, "prompts");
            }
        }

        throw new InvalidOperationException($"no Highlights.sln above {AppContext.BaseDirectory}");
    }
}
