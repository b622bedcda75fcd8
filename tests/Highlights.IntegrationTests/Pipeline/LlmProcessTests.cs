using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.IntegrationTests.Fixtures;
using Highlights.IntegrationTests.Llm;

namespace Highlights.IntegrationTests.Pipeline;

/// <summary><c>process --llm openai</c> end to end: the real CLI, real ffmpeg, and the scripted server standing in for the provider.</summary>
[Collection(TalkVideoCollection.Name)]
public sealed class LlmProcessTests(TalkVideoFixture fixture)
{
    private const string Model = "gpt-4.1-mini";

    [Fact]
    public async Task An_llm_run_writes_a_valid_edl_that_says_why_each_segment_was_chosen_and_what_it_cost()
    {
        await using var server = await ScriptedLlmServer.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r, score: 70 + r.Chunk), (1500, 90)));
        var output = fixture.NewFolder("out");
        var cli = Cli(server);

        var result = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", output, "--target", "12", "--llm", "openai", "--llm-model", Model);

        Assert.True(result.ExitCode == 0, result.ToString());
        var edlPath = Path.Combine(output, "edl.json");
        await EdlSchema.AssertValidAsync(edlPath);
        var edl = Json.Read(edlPath);
        var selector = edl.GetProperty("selector");
        Assert.Equal("llm", selector.GetProperty("method").GetString());
        Assert.Equal("llm-highlights/1", selector.GetProperty("version").GetString());
        Assert.Equal(Model, selector.GetProperty("llm").GetProperty("model").GetString());
        Assert.True(server.Requests.Select(r => r.Chunk).Distinct().Count() > 1, "the talk must span several chunks");
        foreach (var segment in edl.GetProperty("segments").EnumerateArray())
        {
            var pick = segment.GetProperty("llm");
            Assert.StartsWith("Moment of part", pick.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(pick.GetProperty("score").GetInt32() / 100.0, segment.GetProperty("signals").GetProperty("llm").GetDouble(), 4);
            Assert.True(segment.GetProperty("signals").TryGetProperty("audio", out _));
        }

        // Both the EDL and the report show the cost: every call at gpt-4.1-mini's price from the price table.
        var price = PriceTableFile.Load(Path.Combine(RepoPaths.Prompts, PriceTable.FileName)).For(Model);
        var expected = server.Requests.Count * price.Cost(1500, 90);
        foreach (var cost in new[] { edl.GetProperty("cost"), Json.Read(Path.Combine(output, "report.json")).GetProperty("llm").GetProperty("cost") })
        {
            Assert.Equal(server.Requests.Count, cost.GetProperty("calls").GetInt32());
            Assert.Equal(expected, cost.GetProperty("usd").GetDecimal());
            var line = Assert.Single(cost.GetProperty("by_model").EnumerateArray());
            Assert.Equal(("openai", Model), (line.GetProperty("provider").GetString(), line.GetProperty("model").GetString()));
        }

        Assert.Contains($"llm:    openai/{Model}", result.StandardOutput, StringComparison.Ordinal);

        // The report times every stage, and `highlights costs` reads the same spend back from the embedded ledger.
        var report = Json.Read(Path.Combine(output, "report.json"));
        Assert.Equal(
            StageNames.All.Order(),
            report.GetProperty("stages").EnumerateArray().Select(st => st.GetProperty("name").GetString()!).Order());
        Assert.All(report.GetProperty("stages").EnumerateArray(), s => Assert.True(s.GetProperty("seconds").GetDouble() >= 0));
        Assert.True(report.GetProperty("timing").GetProperty("seconds_per_source_second").GetDouble() > 0);
        var byTenant = await cli.RunAsync("costs", "--group", "tenant", "--format", "json");
        Assert.True(byTenant.ExitCode == 0, byTenant.ToString());
        var local = Assert.Single(JsonDocument.Parse(byTenant.StandardOutput).RootElement.GetProperty("lines").EnumerateArray());
        Assert.Equal(("local", server.Requests.Count, expected), (local.GetProperty("key").GetString(), local.GetProperty("entries").GetInt32(), local.GetProperty("usd").GetDecimal()));
        Assert.Equal(server.Requests.Count * 1500L, local.GetProperty("inputTokens").GetInt64());
        var byModel = await cli.RunAsync("costs", "--group", "model", "--format", "csv");
        Assert.StartsWith($"model,entries,input_tokens,output_tokens,usd\r\nopenai/{Model},{server.Requests.Count},", byModel.StandardOutput, StringComparison.Ordinal);

        // The table names the column as JSON and CSV do, and the help shows no server default that the embedded
        // ledger (the real default) would contradict.
        var table = await cli.RunAsync("costs", "--group", "model");
        Assert.Matches(@"^model\s+usd\s+input tokens\s+output tokens\s+entries\n", table.StandardOutput);
        var help = await cli.RunAsync("costs", "--help");
        Assert.DoesNotContain("[default: http", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("else http://127.0.0.1:8080", help.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_too_small_for_one_call_stops_with_exit_code_3_and_a_larger_one_continues()
    {
        await using var server = await ScriptedLlmServer.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), (1500, 90)));
        var cli = Cli(server);
        var output = fixture.NewFolder("out");

        var stopped = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", output, "--llm", "openai", "--llm-model", Model, "--budget-usd", "0.000001");

        Assert.True(stopped.ExitCode == 3, stopped.ToString());
        Assert.Contains("video budget of $0.000001 reached", stopped.StandardError, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal("budget_exceeded", ReadState(cli).GetProperty("status").GetString());
        var report = Json.Read(Path.Combine(output, "report.json"));
        Assert.Equal("budget_exceeded", report.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(output, "edl.json")));

        // The budget is not part of the video's identity: the same video resumes at the select stage.
        var resumed = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", output, "--llm", "openai", "--llm-model", Model, "--budget-usd", "0.50");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.NotEmpty(server.Requests);
        var stages = Json.Read(Path.Combine(output, "report.json")).GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("skipped (checkpoint)", stages["energy"]);
        Assert.Equal("ran", stages["select"]);
    }

    [Fact]
    public async Task A_run_killed_while_waiting_for_the_llm_resumes_without_resending_finished_chunks()
    {
        await using var server = await ScriptedLlmServer.StartAsync(r => r.Chunk >= 2 ? new ScriptedReply.Hang() : new ScriptedReply.Answer(ScriptedPicks.For(r), (1500, 90)));
        var cli = Cli(server);
        var output = fixture.NewFolder("out");
        string[] arguments = ["process", fixture.Talk.VideoPath, "--out", output, "--llm", "openai", "--llm-model", Model];

        using (var doomed = cli.Start(arguments))
        {
            await server.WaitForRequestsAsync(2, TimeSpan.FromMinutes(2));
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }

        var crashed = ReadState(cli);
        Assert.Equal("select", crashed.GetProperty("current_stage").GetString());
        var partial = crashed.GetProperty("partials").GetProperty("select").GetProperty("result");
        Assert.Single(partial.GetProperty("chunks").EnumerateArray());
        Assert.Contains(partial.GetProperty("calls").EnumerateArray(), c => c.GetProperty("status").GetString() == "pending");
        server.Script = r => new ScriptedReply.Answer(ScriptedPicks.For(r), (1500, 90));

        var resumed = await cli.RunAsync(arguments);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(1, server.Requests.Count(r => r.Chunk == 1));
        var cost = Json.Read(Path.Combine(output, "edl.json")).GetProperty("cost");
        Assert.Equal(server.Requests.Count, cost.GetProperty("calls").GetInt32());
        Assert.Equal(1, cost.GetProperty("calls_without_usage").GetInt32());
    }

    [Fact]
    public async Task A_model_without_a_price_is_refused_before_any_work()
    {
        await using var server = await ScriptedLlmServer.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), (1, 1)));
        var cli = Cli(server);

        var result = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", fixture.NewFolder("out"), "--llm", "openai", "--llm-model", "no-such-model");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model no-such-model has no price in", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.StateDirectory) && Directory.GetDirectories(cli.StateDirectory).Any(d => File.Exists(Path.Combine(d, "state.json"))));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Without_a_key_or_a_base_url_openai_is_refused_before_any_work_naming_the_setting()
    {
        var cli = new CliProcess(fixture.NewFolder("state"), new Dictionary<string, string> { ["HIGHLIGHTS_LLM__APIKEY"] = string.Empty });

        var result = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", fixture.NewFolder("out"), "--llm", "openai");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HIGHLIGHTS_LLM__APIKEY", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("probe", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_estimate_command_shows_chunks_tokens_and_cost_without_calling_anyone()
    {
        var cli = new CliProcess(fixture.NewFolder("state"), new Dictionary<string, string> { ["HIGHLIGHTS_LLM__CHUNKTOKENS"] = "40", ["HIGHLIGHTS_LLM__OVERLAPTOKENS"] = "0" });
        var dump = fixture.NewFolder("dump");

        var result = await cli.RunAsync("llm-estimate", fixture.Talk.CaptionsPath, "--llm-model", Model, "--dump", dump);

        Assert.True(result.ExitCode == 0, result.ToString());
        var chunks = Directory.GetFiles(dump, "chunk-*.txt");
        Assert.True(chunks.Length > 1);
        Assert.Contains($"chunks:            {chunks.Length} of at most 40 transcript tokens", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"cost at {Model}:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("spent today:       $0.0000", result.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("You are a video editor", await File.ReadAllTextAsync(chunks[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_estimate_command_rejects_a_bad_caption_file_with_exit_2_as_process_does()
    {
        var cli = new CliProcess(fixture.NewFolder("state"));
        var captions = Path.Combine(fixture.NewFolder("captions"), "bad.srt");
        await File.WriteAllBytesAsync(captions, [0, 1, 2, 3, 0, 0, 255, 254]);

        var result = await cli.RunAsync("llm-estimate", captions);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain(nameof(Highlights.Grains.Captions.CaptionRejectedException), result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The CLI pointed at the scripted server, with chunks small enough that the six-line talk makes several.</summary>
    private CliProcess Cli(ScriptedLlmServer server) => new(fixture.NewFolder("state"), new Dictionary<string, string>
    {
        ["HIGHLIGHTS_LLM__BASEURL"] = server.BaseUrl,
        ["HIGHLIGHTS_LLM__CHUNKTOKENS"] = "40",
        ["HIGHLIGHTS_LLM__OVERLAPTOKENS"] = "0",
    });

    private static JsonElement ReadState(CliProcess cli) =>
        Json.Read(Directory.GetFiles(cli.StateDirectory, "state.json", SearchOption.AllDirectories).Single());
}
