using Highlights.Grains.Inputs;
using Highlights.Silo.Api;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Cluster;

public sealed class RealPathTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void Links_in_directories_and_in_the_last_component_are_followed_to_the_real_file()
    {
        var real = Directory.CreateDirectory(Path.Combine(temp.Path, "real")).FullName;
        File.WriteAllText(Path.Combine(real, "a.mp4"), "x");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "dirlink"), "real");
        File.CreateSymbolicLink(Path.Combine(real, "filelink.mp4"), "../real/a.mp4");
        var expected = Path.Combine(RealPath.Resolve(temp.Path)!, "real", "a.mp4");

        Assert.Equal(expected, RealPath.Resolve(Path.Combine(temp.Path, "dirlink", "a.mp4")));
        Assert.Equal(expected, RealPath.Resolve(Path.Combine(temp.Path, "dirlink", "filelink.mp4")));
        Assert.Equal(expected, RealPath.Resolve(Path.Combine(temp.Path, "dirlink", "..", "real", "./a.mp4")));
    }

    [Fact]
    public void Missing_files_and_link_loops_resolve_to_nothing()
    {
        File.CreateSymbolicLink(Path.Combine(temp.Path, "loop"), Path.Combine(temp.Path, "loop"));

        Assert.Null(RealPath.Resolve(Path.Combine(temp.Path, "nope.mp4")));
        Assert.Null(RealPath.Resolve(Path.Combine(temp.Path, "loop")));
    }

    [Theory]
    [InlineData("/srv/media/a.mp4", "/srv/media", true)]
    [InlineData("/srv/media", "/srv/media/", true)]
    [InlineData("/srv/media-private/a.mp4", "/srv/media", false)]
    [InlineData("/srv/a.mp4", "/srv/media", false)]
    [InlineData("/anything", "/", true)]
    public void Within_means_the_root_itself_or_below_it(string path, string root, bool within)
    {
        Assert.Equal(within, RealPath.IsWithin(path, root));
    }

    public void Dispose() => temp.Dispose();
}
