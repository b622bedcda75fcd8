using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Silos;

/// <summary>Real silo processes sharing one database: the queue drains, each stage runs once, and a killed silo loses nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloDrainTests(PostgresServer server, ShortVideos clips) : IClassFixture<ShortVideos>, IDisposable
{
    private const string Completed = "select count(*) from videos where status = 'completed' and not queued";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    /// <summary>Every named stage runs once per video; counted from the names so a new stage needs no test edit.</summary>
    private static readonly int StageCount = typeof(Highlights.Grains.Actor.StageNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Count(f => f.IsLiteral);

    private readonly DirectoryInfo state = Directory.CreateTempSubdirectory("highlights-silo-state-");

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Silos_drain_twenty_videos_running_every_stage_exactly_once(int siloCount)
    {
        // Not migrated here: the silos migrate at start, all at once.
        await using var database = await ClusterDatabase.CreateAsync(server, migrate: false);
        var silos = Enumerable.Range(0, siloCount).Select(_ => SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1)).ToList();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync()));
            foreach (var i in Enumerable.Range(0, ShortVideos.Count))
            {
                await database.SubmitAsync(clips.PathOf(i));
            }

            await database.WaitForCountAsync(Completed, ShortVideos.Count, Patience, () => string.Join("\n---\n", silos.Select(s => s.Output)));

            Assert.Equal(ShortVideos.Count * StageCount, await database.CountAsync("select count(*) from stage_runs"));
            Assert.Equal(0, await database.CountAsync("select count(*) from (select 1 from stage_runs group by video_id, stage having count(*) <> 1) repeated"));
            Assert.Equal(ShortVideos.Count * StageCount, await database.CountAsync("select count(*) from checkpoints where not partial and writes = 1"));
            Assert.True(await database.CountAsync("select count(distinct silo_id) from stage_runs") >= 2, "the work was not shared between silos");
            Assert.Equal(0, await database.CountAsync("select count(*) from videos where lease_owner is not null"));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Videos_of_a_silo_killed_mid_stage_finish_on_the_others_and_no_committed_stage_runs_again()
    {
        await using var database = await ClusterDatabase.CreateAsync(server);
        const int videos = 8;
        await using var doomed = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 2);
        await doomed.WaitUntilReadyAsync();
        foreach (var i in Enumerable.Range(0, videos))
        {
            await database.SubmitAsync(clips.PathOf(i), targetSeconds: 1.5);
        }

        // Kill the moment the silo is inside a stage that has not committed.
        const string midStage =
            """
            select count(*) from stage_runs r join silos s on s.id = r.silo_id
            where s.process_id = @pid
              and not exists (select 1 from checkpoints c where c.video_id = r.video_id and c.stage = r.stage and not c.partial)
            """;
        var deadline = DateTime.UtcNow + Patience;
        while (await database.CountAsync(midStage, ("pid", doomed.ProcessId)) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the silo never started a stage:\n{doomed.Output}");
            await Task.Delay(20);
        }

        await doomed.KillAsync();
        var committed = await database.PairsAsync("select video_id, stage from checkpoints where not partial");
        var orphaned = await database.PairsAsync(
            "select v.id, coalesce(v.stage, '(between stages)') from videos v join silos s on s.id = v.lease_owner where s.process_id = @pid and v.status = 'running'",
            ("pid", doomed.ProcessId));
        Assert.NotEmpty(orphaned);

        await using var b = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1);
        await using var c = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1);
        await database.WaitForCountAsync(Completed, videos, Patience, () => $"{doomed.Output}\n---\n{b.Output}\n---\n{c.Output}");

        foreach (var (video, stage) in committed)
        {
            Assert.Equal(1, await database.CountAsync("select count(*) from stage_runs where video_id = @v and stage = @s", ("v", video), ("s", stage)));
        }

        foreach (var (video, _) in orphaned)
        {
            var finishedElsewhere = await database.CountAsync(
                "select count(*) from stage_runs r join silos s on s.id = r.silo_id where r.video_id = @v and s.process_id in (@b, @c)",
                ("v", video), ("b", b.ProcessId), ("c", c.ProcessId));
            Assert.True(finishedElsewhere > 0, $"video {video} was not resumed by the surviving silos");
        }

        Assert.Equal(videos * StageCount, await database.CountAsync("select count(*) from checkpoints where not partial and writes = 1"));
    }

    public void Dispose() => state.Delete(recursive: true);
}
