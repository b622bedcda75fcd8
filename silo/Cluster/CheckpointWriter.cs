using System.Collections.Immutable;
using Highlights.Grains.State;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>Writes the difference between two sets of checkpoints (or partials) of one video inside the caller's transaction.</summary>
internal static class CheckpointWriter
{
    public static async Task WriteChangesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string videoId,
        ImmutableDictionary<string, StageCheckpoint> before,
        ImmutableDictionary<string, StageCheckpoint> after,
        bool partial,
        CancellationToken cancellationToken)
    {
        foreach (var removed in before.Keys.Where(stage => !after.ContainsKey(stage)))
        {
            await using var delete = new NpgsqlCommand(
                "delete from checkpoints where video_id = @id and stage = @stage and partial = @partial", connection, transaction);
            delete.With("id", videoId).With("stage", removed).With("partial", partial);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (stage, checkpoint) in after)
        {
            if (before.TryGetValue(stage, out var old) && Unchanged(old, checkpoint))
            {
                continue;
            }

            await using var upsert = new NpgsqlCommand(
                """
                insert into checkpoints (video_id, stage, partial, result_version, result, completed_at, duration_seconds)
                values (@id, @stage, @partial, @version, @result, @completed_at, @duration)
                on conflict (video_id, stage, partial) do update set
                    result_version = excluded.result_version, result = excluded.result, completed_at = excluded.completed_at,
                    duration_seconds = excluded.duration_seconds, writes = checkpoints.writes + 1
                """,
                connection,
                transaction);
            upsert.With("id", videoId)
                .With("stage", stage)
                .With("partial", partial)
                .With("version", checkpoint.ResultVersion)
                .WithJson("result", checkpoint.Result.GetRawText())
                .WithTimestamp("completed_at", checkpoint.CompletedAt)
                .With("duration", checkpoint.DurationSeconds);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Immutable state carries unchanged entries over as the same objects; the value check covers a state re-read from the database.</summary>
    private static bool Unchanged(StageCheckpoint before, StageCheckpoint after) =>
        ReferenceEquals(before, after)
        || (before.ResultVersion == after.ResultVersion
            && before.CompletedAt == after.CompletedAt
            && before.Result.GetRawText() == after.Result.GetRawText());
}
