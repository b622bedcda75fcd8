using Highlights.Grains.Telemetry;
using Highlights.Silo.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>
/// The work queue is the <c>videos</c> table: claims take the oldest runnable row with <c>FOR UPDATE SKIP LOCKED</c>
/// (so silos never wait on each other) and stamp it with a fresh lease token and expiry.
/// </summary>
public sealed class VideoQueue(NpgsqlDataSource db, IOptions<ClusterOptions> options, TimeProvider time, HighlightsMetrics metrics)
{
    /// <summary>Claims the next video that is queued, due, and not held by a live lease (an expired one is taken over).</summary>
    public async Task<VideoLease?> ClaimAsync(string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.LeaseDuration;
        var token = Guid.NewGuid();
        await using var command = db.CreateCommand(
            """
            with next as (
                select id, lease_token is not null as reclaimed from videos
                where queued and not_before <= @now and (lease_token is null or lease_expires_at <= @now)
                order by not_before, created_at
                limit 1
                for update skip locked
            )
            update videos v set
                lease_owner = @owner, lease_token = @token, lease_expires_at = @expires, claimed_at = @now,
                tries = v.tries + 1, progress = null
            from next
            where v.id = next.id
            returning v.id, v.tries, v.cancel_requested, next.reclaimed
            """);
        command.WithTimestamp("now", now).WithTimestamp("expires", expires).With("owner", owner).With("token", token);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        if (reader.GetBoolean(3))
        {
            // Releases clear the token, so one still set means its owner stopped heartbeating and the lease ran out.
            metrics.LeaseReclaims.Inc();
        }

        return new VideoLease(reader.GetString(0), owner, token, now, expires, reader.GetInt32(1), reader.GetBoolean(2));
    }

    /// <summary>
    /// Extends the given leases and records their progress in one statement. Returns, for each lease still held,
    /// whether a cancel was requested; a lease missing from the answer was lost.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, bool>> RenewAsync(
        string owner, IReadOnlyList<LeaseRenewal> leases, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        if (leases.Count == 0)
        {
            return new Dictionary<string, bool>();
        }

        await using var command = db.CreateCommand(
            """
            update videos v set lease_expires_at = @expires, progress = p.progress
            from unnest(@ids, @tokens, @progress) as p(id, token, progress)
            where v.id = p.id and v.lease_token = p.token and v.lease_owner = @owner
            returning v.id, v.cancel_requested
            """);
        command.WithTimestamp("expires", expires)
            .With("owner", owner)
            .With("ids", leases.Select(l => l.VideoId).ToArray())
            .With("tokens", leases.Select(l => l.Token).ToArray())
            .With("progress", leases.Select(l => l.Progress).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new Dictionary<string, bool>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return held;
    }

    /// <summary>Gives the lease up as <paramref name="release"/> says. False when the lease had already been lost.</summary>
    public async Task<bool> ReleaseAsync(VideoLease lease, LeaseRelease release, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            update videos set
                lease_owner = null, lease_token = null, lease_expires_at = null, progress = null, cancel_requested = false,
                queued = @queued, not_before = @not_before, last_error = coalesce(@last_error, last_error),
                tries = tries - case when @give_back_try then 1 else 0 end,
                status = case when @reopen and status = 'cancelled' then 'pending' else status end,
                failure = case when @reopen and status = 'cancelled' then null else failure end,
                revision = case when @reopen and status = 'cancelled' then revision + 1 else revision end
            where id = @id and lease_token = @token
            """);
        command.With("id", lease.VideoId)
            .With("token", lease.Token)
            .With("queued", release.Queued)
            .WithTimestamp("not_before", release.NotBefore)
            .With("last_error", release.LastError)
            .With("give_back_try", release.Interrupted)
            .With("reopen", release.Interrupted);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

/// <param name="Progress">Fraction of the running stage, or null when unknown.</param>
public sealed record LeaseRenewal(string VideoId, Guid Token, double? Progress);
