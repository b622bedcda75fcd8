using Highlights.Silo.Api;

namespace Highlights.UnitTests.Cluster;

public sealed class ClientPathsTests
{
    private static readonly ClientPaths Paths = new(["/srv/media", "/mnt/archive/"], "/var/lib/hl/uploads", "/var/lib/hl");

    [Theory]
    [InlineData("/srv/media/talks/keynote.mp4", "talks/keynote.mp4")]
    [InlineData("/mnt/archive/2025/a.mp4", "2025/a.mp4")]
    [InlineData("/var/lib/hl/uploads/ab12.video", "upload:ab12")]
    [InlineData("/etc/elsewhere/b.mp4", "b.mp4")]
    [InlineData("/srv/mediaX/c.mp4", "c.mp4")]
    public void A_path_is_shown_relative_to_its_root_an_upload_by_its_hash_anything_else_by_name(string path, string shown)
    {
        Assert.Equal(shown, Paths.Show(path));
    }

    [Fact]
    public void A_message_loses_every_server_folder_above_the_paths_it_names()
    {
        var message = "/srv/media/talks/k.mp4: unreadable; see /var/lib/hl/abc123/audio.wav and /var/lib/hl/uploads/ff.video";

        Assert.Equal("talks/k.mp4: unreadable; see abc123/audio.wav and upload:ff.video", Paths.Redact(message));
    }
}
