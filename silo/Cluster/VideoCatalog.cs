using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>The API's side of the <c>videos</c> table: submit, read, cancel and retry, always within one tenant.</summary>
public sealed class VideoCatalog(NpgsqlDataSource db, TimeProvider time)
{
    private const string RecordColumns =
        VideoRows.StateColumns + ", queued, not_before, tries, lease_owner, lease_expires_at, cancel_requested, progress, last_error";

    /// <summary>Queues the video, or returns the one this tenant already submitted with the same content and options.</summary>
    public Task<(VideoRecord Video, bool Created)> SubmitAsync(string tenant, VideoIdentity identity, CancellationToken cancellationToken) =>
        SubmitAsync(tenant, identity, maxWaiting: null, cancellationToken);

    /// <param name="maxWaiting">
    /// Most videos the tenant may have queued or running; a new one past it throws <see cref="WaitingCapReachedException"/>
    /// (one already submitted is returned as ever). Counted under a per-tenant lock, so concurrent submits cannot overshoot.
    /// </param>
    public async Task<(VideoRecord Video, bool Created)> SubmitAsync(
        string tenant, VideoIdentity identity, int? maxWaiting, CancellationToken cancellationToken)
    {
        var id = ClusterVideoId.For(tenant, identity.VideoId);
        var now = time.GetUtcNow();
        var state = VideoState.Create(id, identity.Source, identity.Options, now, tenant);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (maxWaiting is { } cap)
        {
            await using (var lockTenant = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@tenant, 0))", connection, transaction))
            {
                lockTenant.With("tenant", tenant);
                await lockTenant.ExecuteNonQueryAsync(cancellationToken);
            }

            if (await ReadAsync(connection, transaction, tenant, id, lockRow: false, cancellationToken) is { } existing)
            {
                await transaction.CommitAsync(cancellationToken);
                return (existing, false);
            }

            await using var count = new NpgsqlCommand("select count(*) from videos where tenant = @tenant and queued", connection, transaction);
            count.With("tenant", tenant);
            var waiting = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (waiting >= cap)
            {
                throw new WaitingCapReachedException(waiting);
            }
        }

        await using var command = new NpgsqlCommand(
            """
            insert into videos (id, tenant, status, source_path, source_size, source_sha256, options, schema_version, created_at, updated_at, not_before)
            values (@id, @tenant, @status, @source_path, @source_size, @source_sha256, @options, @schema_version, @now, @now, @now)
            on conflict (id) do nothing
            """,
            connection,
            transaction);
        command.With("id", id)
            .With("tenant", tenant)
            .With("status", VideoStatusNames.ToName(state.Status))
            .With("source_path", state.Source.Path)
            .With("source_size", state.Source.SizeBytes)
            .With("source_sha256", state.Source.Sha256)
            .WithJson("options", VideoRows.OptionsJson(state.Options))
            .With("schema_version", state.SchemaVersion)
            .WithTimestamp("now", now);
        var created = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        var video = await ReadAsync(connection, transaction, tenant, id, lockRow: false, cancellationToken)
            ?? throw new InvalidOperationException($"video {id} belongs to another tenant"); // a 80-bit hash collision across tenants
        await transaction.CommitAsync(cancellationToken);
        return (video, created);
    }

    /// <summary>The video with its checkpoints, or null when it does not exist or belongs to another tenant.</summary>
    public async Task<VideoRecord?> GetAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, null, tenant, id, lockRow: false, cancellationToken);
    }

    public async Task<(ControlAction Action, VideoRecord? Video)> CancelAsync(string tenant, string id, CancellationToken cancellationToken) =>
        await ControlAsync(tenant, id, ControlDecision.Cancel, CancelSql, cancellationToken);

    public async Task<(ControlAction Action, VideoRecord? Video)> RetryAsync(string tenant, string id, CancellationToken cancellationToken) =>
        await ControlAsync(tenant, id, ControlDecision.Retry, RetrySql, cancellationToken);

    private const string CancelSql =
        """
        update videos set
            queued = false, cancel_requested = @request,
            status = case when @request then status else 'cancelled' end,
            failure = case when @request then failure else @failure end,
            lease_owner = case when @request then lease_owner end,
            lease_token = case when @request then lease_token end,
            lease_expires_at = case when @request then lease_expires_at end,
            revision = case when @request then revision else revision + 1 end,
            updated_at = @now
        where id = @id
        """;

    // Clearing the lease of a dead owner means that owner, should it wake up, can write nothing.
    private const string RetrySql =
        """
        update videos set
            queued = true, not_before = @now, tries = 0, cancel_requested = false,
            status = 'pending', failure = null, lease_owner = null, lease_token = null, lease_expires_at = null,
            revision = revision + 1, updated_at = @now
        where id = @id
        """;

    private async Task<(ControlAction, VideoRecord?)> ControlAsync(
        string tenant,
        string id,
        Func<VideoStatus, bool, bool, ControlAction> decide,
        string sql,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var video = await ReadAsync(connection, transaction, tenant, id, lockRow: true, cancellationToken);
        if (video is null)
        {
            return (ControlAction.Refused, null);
        }

        var leased = video.LeaseOwner is not null && video.LeaseExpiresAt > now;
        var action = decide(video.State.Status, video.Queued, leased);
        if (action is ControlAction.Apply or ControlAction.Request)
        {
            var failure = new VideoFailure(video.State.CurrentStage ?? "(queued)", FailureKind.Cancelled, "cancelled", now);
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.With("id", id)
                .With("request", action == ControlAction.Request)
                .WithJson("failure", VideoRows.FailureJson(failure))
                .WithTimestamp("now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
            video = await ReadAsync(connection, transaction, tenant, id, lockRow: false, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (action, video);
    }

    private static async Task<VideoRecord?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenant, string id, bool lockRow, CancellationToken cancellationToken)
    {
        VideoRecord record;
        await using (var command = new NpgsqlCommand(
            $"select {RecordColumns} from videos where id = @id and tenant = @tenant{(lockRow ? " for update" : string.Empty)}",
            connection,
            transaction))
        {
            command.With("id", id).With("tenant", tenant);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            record = new VideoRecord(
                VideoRows.ReadState(reader),
                [],
                reader.GetString(13),
                reader.GetBoolean(14),
                reader.GetTimestamp(15),
                reader.GetInt32(16),
                reader.GetNullableString(17),
                reader.GetNullableTimestamp(18),
                reader.GetBoolean(19),
                reader.IsDBNull(20) ? null : reader.GetDouble(20),
                reader.GetNullableString(21));
        }

        var stages = new List<StageSummary>();
        await using (var command = new NpgsqlCommand(
            "select stage, completed_at, duration_seconds from checkpoints where video_id = @id and not partial order by completed_at",
            connection,
            transaction))
        {
            command.With("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stages.Add(new StageSummary(reader.GetString(0), reader.GetTimestamp(1), reader.GetDouble(2)));
            }
        }

        return record with { CompletedStages = stages };
    }

    /// <summary>The raw JSON of a stage's checkpoint (the EDL, the render's file name), or null if that stage has not finished.</summary>
    public async Task<string?> StageResultAsync(string tenant, string id, string stage, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            select c.result::text from checkpoints c join videos v on v.id = c.video_id
            where v.id = @id and v.tenant = @tenant and c.stage = @stage and not c.partial
            """);
        command.With("id", id).With("tenant", tenant).With("stage", stage);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
