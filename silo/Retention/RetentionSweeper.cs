using Highlights.Grains.Actor;
using Highlights.Silo.Api;
using Highlights.Silo.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Retention;

/// <summary>
/// Deletes the files nobody will read again: half-written upload temp files, and, past <see cref="RetentionOptions.Period"/>,
/// the work folders of finished videos and the uploads no live video uses. Safe with many silos sweeping at once.
/// </summary>
public sealed partial class RetentionSweeper(
    NpgsqlDataSource db,
    UploadReceiver uploads,
    VideoPipelineFactory pipelines,
    IGrainFactory grains,
    IOptions<ApiOptions> api,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweeper> logger)
{
    private const string Finished = "status in ('completed', 'failed', 'cancelled', 'budget_exceeded') and not queued";

    /// <summary>
    /// Upload temp files not written to for longer than <see cref="ApiOptions.BodyIdleTimeout"/>: a live upload writes
    /// more often than that or is refused (and removes its file), so these belong to a silo that died mid-upload.
    /// </summary>
    public int RemoveAbandonedUploads()
    {
        if (!Directory.Exists(uploads.Directory))
        {
            return 0;
        }

        var before = time.GetUtcNow().UtcDateTime - api.Value.BodyIdleTimeout;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(uploads.Directory, ".upload.*.tmp"))
        {
            if (File.GetLastWriteTimeUtc(file) < before && TryDelete(file))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            LogAbandoned(logger, removed, uploads.Directory);
        }

        return removed;
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        RemoveAbandonedUploads();
        if (options.Value.Period is not { } period)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - period;
        var folders = 0;
        await using (var finished = db.CreateCommand($"select id, status from videos where {Finished} and updated_at < @cutoff"))
        {
            finished.WithTimestamp("cutoff", cutoff);
            var retryable = new List<string>();
            await using (var reader = await finished.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetString(0);
                    var folder = pipelines.VideoDirectory(id);
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                        folders++;
                    }

                    if (reader.GetString(1) != "completed")
                    {
                        retryable.Add(id);
                    }
                }
            }

            // A retry of these starts from the source again: their earlier stages' files are gone. The EDL stays readable.
            foreach (var id in retryable)
            {
                await grains.GetGrain<IVideoGrain>(id).ForgetWorkAsync();
            }
        }

        var live = new HashSet<string>(StringComparer.Ordinal);
        await using (var used = db.CreateCommand($"select distinct source_path from videos where source_path like @prefix and not ({Finished} and updated_at < @cutoff)"))
        {
            used.With("prefix", uploads.Directory.TrimEnd('/') + "/%").WithTimestamp("cutoff", cutoff);
            await using var reader = await used.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                live.Add(reader.GetString(0));
            }
        }

        var files = 0;
        if (Directory.Exists(uploads.Directory))
        {
            foreach (var upload in Directory.EnumerateFiles(uploads.Directory, "*.video"))
            {
                if (!live.Contains(upload) && File.GetLastWriteTimeUtc(upload) < cutoff.UtcDateTime && TryDelete(upload))
                {
                    files++;
                }
            }
        }

        if (folders + files > 0)
        {
            LogSwept(logger, folders, files, period);
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (IOException)
        {
            // Another silo swept it first, or it is being moved into place.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} abandoned upload temp files from {Directory}")]
    private static partial void LogAbandoned(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention ({Period}): removed {Folders} work folders and {Files} uploads")]
    private static partial void LogSwept(ILogger logger, int folders, int files, TimeSpan period);
}
