using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Silo.Cluster;

namespace Highlights.Silo.Api;

/// <summary>The API's way to its videos' grains, always within one tenant: another tenant's video is not there.</summary>
public sealed class TenantVideos(IGrainFactory grains, PostgresVideoIndex index)
{
    /// <summary>Admits the video (the tenant's waiting cap) and hands it to its grain, which queues and runs it.</summary>
    /// <returns>The video, and whether this submit created it; null when the id is another tenant's.</returns>
    public async Task<(VideoSnapshot Video, bool Created)?> SubmitAsync(string tenant, VideoIdentity identity, int maxWaiting, CancellationToken cancellationToken)
    {
        var id = ClusterVideoId.For(tenant, identity.VideoId);
        var admitted = await index.AdmitAsync(tenant, id, identity.Source.Path, maxWaiting, cancellationToken);
        if (admitted is null)
        {
            return null;
        }

        var grain = grains.GetGrain<IVideoGrain>(id);
        try
        {
            return (await grain.SubmitAsync(new VideoSubmission(identity with { VideoId = id }, tenant)), admitted.Value);
        }
        catch when (admitted.Value)
        {
            // Nothing half-written: the grain did not take the video, so neither does the index.
            await index.ForgetAsync(id, CancellationToken.None);
            throw;
        }
    }

    public async Task<VideoSnapshot?> GetAsync(string tenant, string id)
    {
        if (!IsVideoId(id))
        {
            return null;
        }

        VideoSnapshot? video;
        try
        {
            video = await grains.GetGrain<IVideoGrain>(id).GetAsync();
        }
        catch (Exception ex) when (!Unavailable.Database(ex) && !Unavailable.Silo(ex))
        {
            // The call only reads the state: anything else that stops it is the state failing to load.
            throw new VideoStateUnreadableException(id, ex);
        }

        return video?.State.Tenant == tenant ? video : null;
    }

    /// <summary>The tenant's latest videos, newest first; one whose state cannot be read now is left out rather than failing the list.</summary>
    public async Task<IReadOnlyList<VideoSnapshot>> RecentAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        var ids = await index.RecentAsync(tenant, limit, cancellationToken);
        var videos = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await GetAsync(tenant, id);
            }
            catch (VideoStateUnreadableException)
            {
                return null;
            }
        }));
        return [.. videos.OfType<VideoSnapshot>()];
    }

    /// <summary>The video (null when it is not the tenant's) and the JSON result of <paramref name="stage"/> (null while it has none).</summary>
    public async Task<(VideoSnapshot? Video, string? Result)> ResultAsync(string tenant, string id, string stage) =>
        await GetAsync(tenant, id) is { } video ? (video, await grains.GetGrain<IVideoGrain>(id).ResultAsync(stage)) : (null, null);

    /// <summary>The video's EDL versions; null when it is not the tenant's.</summary>
    public async Task<IReadOnlyList<EdlVersionInfo>?> VersionsAsync(string tenant, string id) =>
        await GetAsync(tenant, id) is null ? null : await grains.GetGrain<IVideoGrain>(id).EdlVersionsAsync();

    /// <summary>The EDL JSON of <paramref name="version"/> (null when there is no such version); null video when it is not the tenant's.</summary>
    public async Task<(VideoSnapshot? Video, string? Edl)> EdlOfVersionAsync(string tenant, string id, int version) =>
        await GetAsync(tenant, id) is { } video ? (video, await grains.GetGrain<IVideoGrain>(id).EdlOfVersionAsync(version)) : (null, null);

    /// <summary>Saves an edited EDL as the video's next version, if it is the tenant's; null when it is not.</summary>
    public async Task<EdlRevisionOutcome?> ReviseAsync(string tenant, string id, EdlDocument edl) =>
        await GetAsync(tenant, id) is null ? null : await grains.GetGrain<IVideoGrain>(id).ReviseEdlAsync(edl, tenant);

    /// <summary>Cancels or retries the video, if it is the tenant's; null when it is not.</summary>
    public async Task<VideoControl?> ControlAsync(string tenant, string id, Func<IVideoGrain, Task<VideoControl>> control) =>
        await GetAsync(tenant, id) is null ? null : await control(grains.GetGrain<IVideoGrain>(id));

    /// <summary>Ids are hashes (<see cref="ClusterVideoId"/>); anything else names no video and never reaches a grain.</summary>
    private static bool IsVideoId(string id) => id.Length == 20 && id.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
