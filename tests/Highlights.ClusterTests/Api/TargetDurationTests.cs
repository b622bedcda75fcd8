using System.Net;
using System.Text;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Api;

/// <summary><c>targetDuration</c> is a JSON number of seconds within sane bounds, or the submission is refused.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TargetDurationTests(PostgresServer server)
{
    [Theory]
    [InlineData("\"10\"")]
    [InlineData("1e308")]
    [InlineData("1e-300")]
    [InlineData("0.5")]
    [InlineData("86401")]
    public async Task A_json_target_that_is_not_a_sane_number_of_seconds_is_refused(string target)
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");
        var source = Path.Combine(api.AllowedRoot, "clip.mp4");
        await File.WriteAllBytesAsync(source, new byte[1024]);

        var answer = await acme.PostAsync(
            new Uri("/v1/videos", UriKind.Relative),
            new StringContent($$"""{"source": {{JsonSerializer.Serialize(source)}}, "targetDuration": {{target}}}""", Encoding.UTF8, "application/json"));

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, await answer.Content.ReadAsStringAsync());
        Assert.Contains("targetDuration", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from videos"));
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("0.001")]
    public async Task An_upload_target_out_of_bounds_is_refused(string target)
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");

        var answer = await acme.PostAsync(
            new Uri("/v1/videos", UriKind.Relative),
            new MultipartFormDataContent { { new StringContent(target), "targetDuration" }, { new ByteArrayContent(new byte[512]), "file", "clip.mp4" } });

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, await answer.Content.ReadAsStringAsync());
        Assert.Contains("targetDuration", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
