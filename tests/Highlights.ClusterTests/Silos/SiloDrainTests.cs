using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.TestSupport;

namespace Highlights.ClusterTests.Silos;

/// <summary>
/// Real silo processes in one Orleans cluster on one database: the videos drain, each stage completes once, a video
/// submitted to two silos at once runs once, and silos killed -9 lose nothing and pay for nothing twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloDrainTests(PostgresServer server, ShortVideos clips) : IClassFixture<ShortVideos>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

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
            var key = await database.KeyForTenantAsync("acme");
            var clients = silos.Select(s => s.Client(key)).ToList();

            // The same video submitted to two silos at the same moment: one id, one activation, one run.
            var twice = await Task.WhenAll(clients.Take(2).Select(c => VideoPolling.SubmitAsync(c, new { source = clips.PathOf(0) })));
            Assert.Equal(twice[0], twice[1]);
            var ids = new List<string> { twice[0] };
            foreach (var i in Enumerable.Range(1, ShortVideos.Count - 1))
            {
                ids.Add(await VideoPolling.SubmitAsync(clients[i % siloCount], new { source = clips.PathOf(i) }));
            }

            var views = await FinishedAsync(clients, ids, () => string.Join("\n---\n", silos.Select(s => s.Output)));

            Assert.All(views, v => Assert.Equal("completed", v.GetProperty("status").GetString()));
            Assert.All(views, v => AssertEveryStageRanOnce(v));
            Assert.Equal(1, views[0].GetProperty("attempts").GetInt32());
            var used = views.Select(v => v.GetProperty("silo").GetString()).Distinct().Count();
            Assert.True(used >= 2, $"the work was not shared between silos: {used} silo(s) held all twenty videos");
            AssertOneAtATimePerSiloAndSilosAtOnce(views);
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
    public async Task Videos_of_a_silo_killed_mid_stage_resume_on_the_others_within_a_minute_and_no_completed_stage_runs_again()
    {
        await using var database = await ClusterDatabase.CreateAsync(server);
        const int videos = 8;
        var key = await database.KeyForTenantAsync("acme");
        // All three silos up before the videos come, so placement puts some on each; the doomed one dies mid-stage.
        await using var doomed = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 2);
        await using var b = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1);
        await using var c = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1);
        await Task.WhenAll(doomed.WaitUntilReadyAsync(), b.WaitUntilReadyAsync(), c.WaitUntilReadyAsync());
        using var toDoomed = doomed.Client(key);
        var ids = new List<string>();
        foreach (var i in Enumerable.Range(0, videos))
        {
            ids.Add(await VideoPolling.SubmitAsync(toDoomed, new { source = clips.PathOf(i), targetDuration = 1.5 }));
        }

        var running = new List<JsonElement>();
        var deadline = DateTime.UtcNow + Patience;
        while (running.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the silo never ran a stage:\n{doomed.Output}");
            var now = await ViewsAsync(toDoomed, ids);
            Assert.True(now.Count < ids.Count || now.Any(v => v.GetProperty("status").GetString() != "completed" && doomed.Holds(v.GetProperty("silo").GetString())), "the doomed silo finished its videos before it could be killed");
            running = [.. now.Where(v => v.GetProperty("status").GetString() == "running" && doomed.Holds(v.GetProperty("silo").GetString()))];
        }

        await doomed.KillAsync();
        var killed = Stopwatch.StartNew();
        using var toB = b.Client(key);
        var orphan = running[0].GetProperty("id").GetString()!;
        await VideoPolling.UntilAsync(toB, orphan, v => v.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("status").GetString() == "running") || v.GetProperty("status").GetString() == "completed", Patience);
        var resumeSeconds = killed.Elapsed.TotalSeconds;

        var views = await FinishedAsync([toB, c.Client(key)], ids, () => $"{doomed.Output}\n---\n{b.Output}\n---\n{c.Output}");

        Assert.All(views, v => Assert.Equal("completed", v.GetProperty("status").GetString()));
        Assert.All(views, AssertEveryStageCompletedOnce);
        foreach (var id in running.Select(r => r.GetProperty("id").GetString()))
        {
            var view = views.Single(v => v.GetProperty("id").GetString() == id);
            Assert.False(doomed.Holds(view.GetProperty("silo").GetString()), $"video {id} was not resumed by the surviving silos");
        }

        Assert.True(resumeSeconds < 60, $"kill to resume took {resumeSeconds:F1} s");
        Console.WriteLine($"kill -9 to resume on another silo: {resumeSeconds:F1} s");
    }

    [Fact]
    public async Task Twenty_llm_videos_survive_five_random_kills_of_three_silos_with_no_stage_or_answered_request_twice()
    {
        await using var database = await ClusterDatabase.CreateAsync(server);
        var arrivals = new ConcurrentQueue<(string Text, DateTime At)>();
        await using var llm = await ScriptedLlmServer.StartAsync(r =>
        {
            arrivals.Enqueue((r.LastUserText, DateTime.UtcNow));

            // A model that takes its time, as real ones do: kills land while requests are in flight.
            Thread.Sleep(TimeSpan.FromSeconds(3));
            return new ScriptedReply.Answer(ScriptedPicks.For(r), (900, 120));
        });
        var environment = new Dictionary<string, string> { ["HIGHLIGHTS_LLM__BASEURL"] = llm.BaseUrl };
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1, environment)).ToList();
        var dead = new List<SiloProcess>();
        var kills = new List<DateTime>();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync()));
            var key = await database.KeyForTenantAsync("acme");
            var ids = new List<string>();
            using (var first = silos[0].Client(key))
            {
                foreach (var i in Enumerable.Range(0, ShortVideos.Count))
                {
                    ids.Add(await VideoPolling.SubmitAsync(first, new { source = clips.PathOf(i), targetDuration = 1.5, llm = "openai", llmModel = "gpt-4.1-mini" }));
                }
            }

            // Kill a random silo every second or two while videos are unfinished, and start a fresh one in its place.
            var random = new Random(13);
            while (kills.Count < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(800 + random.Next(1200)));
                var victim = silos[random.Next(silos.Count)];
                await victim.KillAsync();
                kills.Add(DateTime.UtcNow);
                silos.Remove(victim);
                dead.Add(victim);
                var replacement = SiloProcess.Start(database.ConnectionString, state.FullName, workers: 1, environment);
                silos.Add(replacement);
                await replacement.WaitUntilReadyAsync();
            }
            var clients = silos.Select(s => s.Client(key)).ToList();
            var views = await FinishedAsync(clients, ids, () => string.Join("\n---\n", silos.Concat(dead).Select(s => s.Output)));

            Assert.All(views, v => Assert.Equal("completed", v.GetProperty("status").GetString()));
            Assert.All(views, AssertEveryStageCompletedOnce);

            // A chunk asked twice is one whose first request was in flight when a silo died: a kill came between the two.
            foreach (var asked in arrivals.GroupBy(a => a.Text).Where(g => g.Count() > 1))
            {
                var times = asked.Select(a => a.At).Order().ToList();
                for (var i = 1; i < times.Count; i++)
                {
                    Assert.True(kills.Any(k => k >= times[i - 1] && k <= times[i]), $"'{asked.Key}' was asked again at {times[i]:O} with no kill since {times[i - 1]:O}");
                }
            }

            Assert.Equal(ShortVideos.Count, arrivals.Select(a => a.Text).Distinct().Count());
            Assert.True(arrivals.Min(a => a.At) < kills[^1], "every LLM request came after the last kill: the kills hit no running video");
            Console.WriteLine($"chaos: {kills.Count} kills, {arrivals.Count} LLM requests for {ShortVideos.Count} chunks");
        }
        finally
        {
            foreach (var silo in silos.Concat(dead))
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Each silo has one worker, so its videos' runs never overlap; and the silos ran videos at the same time. A run's
    /// window is from its first stage's start (completion less duration) to its last stage's completion.
    /// </summary>
    private static void AssertOneAtATimePerSiloAndSilosAtOnce(IReadOnlyList<JsonElement> views)
    {
        var windows = views.Select(v =>
        {
            var stages = v.GetProperty("stages").EnumerateArray()
                .Select(s => (End: s.GetProperty("completedAt").GetDateTimeOffset(), Seconds: s.GetProperty("durationSeconds").GetDouble()))
                .ToList();
            return (Id: v.GetProperty("id").GetString(), Silo: v.GetProperty("silo").GetString(),
                Start: stages.Min(s => s.End.AddSeconds(-s.Seconds)), End: stages.Max(s => s.End));
        }).ToList();
        var slack = TimeSpan.FromMilliseconds(20);
        foreach (var silo in windows.GroupBy(w => w.Silo))
        {
            var runs = silo.OrderBy(w => w.Start).ToList();
            for (var i = 1; i < runs.Count; i++)
            {
                Assert.True(runs[i].Start >= runs[i - 1].End - slack, $"silo {silo.Key} with one worker ran {runs[i - 1].Id} ({runs[i - 1].Start:O}-{runs[i - 1].End:O}) and {runs[i].Id} (from {runs[i].Start:O}) at once");
            }
        }

        var together = windows.Any(a => windows.Any(b => a.Silo != b.Silo && a.Start < b.End && b.Start < a.End));
        Assert.True(together, "no two videos ran at the same time on different silos");
    }

    private static void AssertEveryStageRanOnce(JsonElement view)
    {
        AssertEveryStageCompletedOnce(view);
        Assert.All(view.GetProperty("stages").EnumerateArray(), s => Assert.Equal(1, s.GetProperty("runs").GetInt32()));
    }

    private static void AssertEveryStageCompletedOnce(JsonElement view)
    {
        var stages = view.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(StageCount, stages.Count);
        Assert.All(stages, s => Assert.True(
            s.GetProperty("completions").GetInt32() == 1,
            $"video {view.GetProperty("id").GetString()} stage {s.GetProperty("name").GetString()} completed {s.GetProperty("completions").GetInt32()} times"));
    }

    /// <summary>Every video's view once all have finished, asked of whichever silo answers.</summary>
    private static async Task<List<JsonElement>> FinishedAsync(IReadOnlyList<HttpClient> clients, IReadOnlyList<string> ids, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var views = await ViewsAsync(clients[Random.Shared.Next(clients.Count)], ids);
            if (views.Count == ids.Count && views.All(v => v.GetProperty("status").GetString() is "completed" or "failed" or "cancelled" && !v.GetProperty("queued").GetBoolean()))
            {
                return views;
            }

            Assert.True(DateTime.UtcNow < deadline, $"videos unfinished after {Patience}: {string.Join(", ", views.Select(v => v.GetProperty("status").GetString()))}\n{diagnostics()}");
            await Task.Delay(250);
        }
    }

    private static async Task<List<JsonElement>> ViewsAsync(HttpClient client, IReadOnlyList<string> ids)
    {
        var views = new List<JsonElement>();
        foreach (var id in ids)
        {
            if (await VideoPolling.TryGetAsync(client, id) is { } text)
            {
                views.Add(JsonDocument.Parse(text).RootElement.Clone());
            }
        }

        return views;
    }

    public void Dispose() => state.Delete(recursive: true);
}
