using System.Collections.Immutable;
using System.Text.Json;
using Highlights.Grains.State;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>Reads a <see cref="VideoState"/> back from its <c>videos</c> row and its <c>checkpoints</c> rows.</summary>
internal static class VideoRows
{
    public const string StateColumns =
        "id, status, stage, source_path, source_size, source_sha256, options, failure, attempts, revision, schema_version, created_at, updated_at, tenant";

    public static async Task<VideoState?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string videoId, CancellationToken cancellationToken)
    {
        VideoState state;
        await using (var command = new NpgsqlCommand($"select {StateColumns} from videos where id = @id", connection, transaction).With("id", videoId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            state = ReadState(reader);
        }

        var (checkpoints, partials) = await LoadCheckpointsAsync(connection, transaction, videoId, cancellationToken);
        return state with { Checkpoints = checkpoints, Partials = partials };
    }

    public static async Task<(ImmutableDictionary<string, StageCheckpoint> Checkpoints, ImmutableDictionary<string, StageCheckpoint> Partials)> LoadCheckpointsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string videoId, CancellationToken cancellationToken)
    {
        var checkpoints = ImmutableDictionary.CreateBuilder<string, StageCheckpoint>();
        var partials = ImmutableDictionary.CreateBuilder<string, StageCheckpoint>();
        await using (var command = new NpgsqlCommand(
            "select stage, partial, result_version, result, completed_at, duration_seconds from checkpoints where video_id = @id",
            connection,
            transaction).With("id", videoId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var checkpoint = new StageCheckpoint(
                    reader.GetString(0),
                    reader.GetInt32(2),
                    JsonSerializer.Deserialize<JsonElement>(reader.GetString(3)),
                    reader.GetTimestamp(4),
                    reader.GetDouble(5));
                (reader.GetBoolean(1) ? partials : checkpoints)[checkpoint.Stage] = checkpoint;
            }
        }

        return (checkpoints.ToImmutable(), partials.ToImmutable());
    }

    /// <summary>The columns in <see cref="StateColumns"/> order, without checkpoints.</summary>
    public static VideoState ReadState(NpgsqlDataReader reader) => new()
    {
        VideoId = reader.GetString(0),
        Status = VideoStatusNames.Parse(reader.GetString(1)),
        CurrentStage = reader.GetNullableString(2),
        Source = new VideoSource(reader.GetString(3), reader.GetInt64(4), reader.GetString(5)),
        Options = JsonSerializer.Deserialize<ProcessingOptions>(reader.GetString(6), StateJson.Options)!,
        Failure = reader.GetNullableString(7) is { } failure ? JsonSerializer.Deserialize<VideoFailure>(failure, StateJson.Options) : null,
        Attempts = reader.GetInt32(8),
        Revision = reader.GetInt64(9),
        SchemaVersion = reader.GetInt32(10),
        CreatedAt = reader.GetTimestamp(11),
        UpdatedAt = reader.GetTimestamp(12),
        Tenant = reader.GetString(13),
    };

    public static string OptionsJson(ProcessingOptions options) => JsonSerializer.Serialize(options, StateJson.Options);

    public static string? FailureJson(VideoFailure? failure) => failure is null ? null : JsonSerializer.Serialize(failure, StateJson.Options);
}
