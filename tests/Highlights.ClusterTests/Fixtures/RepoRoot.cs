namespace Highlights.ClusterTests.Fixtures;

/// <summary>The repository the tests were built from: the folder above the test assembly holding Highlights.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Highlights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no Highlights.sln above the test assembly");
    }
}
