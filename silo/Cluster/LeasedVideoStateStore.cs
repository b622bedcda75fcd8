using Highlights.Grains.State;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>
/// The grain's state store in cluster mode, bound to one lease. Each save is one transaction: the <c>videos</c>
/// row is updated only if both the revision and the lease token still match (else <see cref="StateConflictException"/>),
/// and the checkpoint rows that changed are written with it, so a stage's result and the state that moves past
/// the stage commit together or not at all.
/// </summary>
public sealed class LeasedVideoStateStore(NpgsqlDataSource db, VideoLease lease) : IVideoStateStore
{
    /// <summary>The state as last loaded or saved: what the database holds, so a save writes only what changed.</summary>
    private VideoState? stored;

    public VideoLease Lease { get; } = lease;

    public async Task<VideoState?> LoadAsync(string videoId, CancellationToken cancellationToken)
    {
        RequireLeased(videoId);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        stored = await VideoRows.LoadAsync(connection, null, videoId, cancellationToken);
        return stored;
    }

    public async Task<VideoState> SaveAsync(VideoState state, CancellationToken cancellationToken)
    {
        RequireLeased(state.VideoId);
        var next = state with { Revision = state.Revision + 1 };
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand(
            """
            update videos set
                status = @status, stage = @stage, source_path = @source_path, source_size = @source_size,
                options = @options, failure = @failure, attempts = @attempts, revision = @next_revision, updated_at = @updated_at
            where id = @id and revision = @revision and lease_token = @token
            """,
            connection,
            transaction))
        {
            update.With("id", state.VideoId)
                .With("status", VideoStatusNames.ToName(state.Status))
                .With("stage", state.CurrentStage)
                .With("source_path", state.Source.Path)
                .With("source_size", state.Source.SizeBytes)
                .WithJson("options", VideoRows.OptionsJson(state.Options))
                .WithJson("failure", VideoRows.FailureJson(state.Failure))
                .With("attempts", state.Attempts)
                .With("revision", state.Revision)
                .With("next_revision", next.Revision)
                .WithTimestamp("updated_at", state.UpdatedAt)
                .With("token", Lease.Token);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw await ConflictAsync(connection, transaction, state, cancellationToken);
            }
        }

        var previous = stored is { } known && known.Revision == state.Revision
            ? known
            : await VideoRows.LoadAsync(connection, transaction, state.VideoId, cancellationToken)
                ?? throw new StateConflictException(state.VideoId, state.Revision, 0);
        await CheckpointWriter.WriteChangesAsync(connection, transaction, state.VideoId, previous.Checkpoints, state.Checkpoints, partial: false, cancellationToken);
        await CheckpointWriter.WriteChangesAsync(connection, transaction, state.VideoId, previous.Partials, state.Partials, partial: true, cancellationToken);
        if (state.CurrentStage is { } stage && stage != previous.CurrentStage)
        {
            await using var run = new NpgsqlCommand(
                "insert into stage_runs (video_id, stage, silo_id, attempt, started_at) values (@id, @stage, @silo, @attempt, @at)",
                connection,
                transaction);
            run.With("id", state.VideoId).With("stage", stage).With("silo", Lease.Owner).With("attempt", state.Attempts).WithTimestamp("at", state.UpdatedAt);
            await run.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        stored = next;
        return next;
    }

    private void RequireLeased(string videoId)
    {
        if (videoId != Lease.VideoId)
        {
            throw new InvalidOperationException($"this store holds the lease of video {Lease.VideoId}, not {videoId}");
        }
    }

    private static async Task<StateConflictException> ConflictAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, VideoState state, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select revision from videos where id = @id", connection, transaction).With("id", state.VideoId);
        var actual = await command.ExecuteScalarAsync(cancellationToken) is long revision ? revision : 0;
        return new StateConflictException(state.VideoId, state.Revision, actual);
    }
}
