using Highlights.Grains.Actor;
using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.State;

namespace Highlights.IntegrationTests.Llm;

public sealed class LlmSelectionTests
{
    private static readonly ScriptedReply NotJson = new ScriptedReply.Answer("Sure! Here are the highlights: the moment things changed.", (900, 40));

    [Fact]
    public async Task Valid_picks_become_segments_on_cue_boundaries_with_the_llm_reasons_and_the_reported_cost()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r, score: 60 + r.Chunk), (1000 + r.Chunk, 50)));

        var result = await llm.RunAsync();

        var summary = result.Llm!;
        Assert.Equal("llm", result.Method);
        Assert.True(summary.Chunks.Total > 2, "the transcript must span several chunks");
        Assert.Equal(summary.Chunks.Total, summary.Chunks.Answered);
        Assert.Equal(summary.Chunks.Total, llm.Server.Requests.Count);
        Assert.NotEmpty(result.Segments);
        Assert.All(result.Segments, s =>
        {
            Assert.NotNull(s.Pick);
            Assert.Contains(s.Start, LlmRunHarness.Cues.Select(c => c.Start));
            Assert.Contains(s.End, LlmRunHarness.Cues.Select(c => c.End));
            Assert.StartsWith($"LLM {s.Pick!.Score}/100: Moment of part", s.Reasons[0], StringComparison.Ordinal);
            Assert.Equal(s.Pick.Score / 100.0, s.Signals!.Llm);
        });

        // Cost is the provider's reported usage at the price table's prices, per call.
        var expected = llm.Server.Requests.Sum(r => LlmRunHarness.Price.Cost(1000 + r.Chunk, 50));
        Assert.Equal(expected, summary.Cost.Usd);
        Assert.Equal(llm.Server.Requests.Sum(r => 1000L + r.Chunk), summary.Cost.InputTokens);
        Assert.Equal(summary.Chunks.Total, summary.Cost.Calls);
        Assert.Equal(expected, await llm.Ledger.SpentOnAsync(DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));

        // The ledger keeps each call's tenant and tokens for the cost reports; the counters carry the tenant too.
        var entries = llm.Ledger.Entries(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.All(entries, e => Assert.Equal((llm.Tenant, true), (e.Tenant, e.Settled)));
        Assert.Equal(summary.Cost.InputTokens, entries.Sum(e => e.InputTokens));
        var cost = Assert.Single((await Exposition.SamplesAsync(llm.Metrics.Registry)).Matching("highlights_llm_cost_usd_total", ("tenant", llm.Tenant)));
        Assert.Equal((double)expected, cost.Value, 9);
        Assert.Equal(LlmRunHarness.Model, cost.Labels["model"]);
    }

    [Fact]
    public async Task Requests_ask_for_structured_output_with_the_output_cap()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), (100, 10)));

        await llm.RunAsync();

        var request = llm.Server.Requests[0];
        Assert.Equal(LlmRunHarness.Model, request.Model);
        Assert.Equal(llm.Options.MaxOutputTokens, request.MaxCompletionTokens);
        Assert.Null(request.MaxTokens);
        var format = request.Body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role));
        Assert.Contains("[00:00] Line 0:", request.LastUserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_server_gets_max_tokens_and_no_response_format_when_told_so()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), (100, 10)));
        llm.Options.MaxTokensField = "max_tokens";
        llm.Options.StructuredOutputs = false;

        await llm.RunAsync();

        Assert.All(llm.Server.Requests, r =>
        {
            Assert.Equal(llm.Options.MaxOutputTokens, r.MaxTokens);
            Assert.Null(r.MaxCompletionTokens);
            Assert.False(r.Body.TryGetProperty("response_format", out _));
        });
    }

    [Fact]
    public async Task An_invalid_answer_gets_one_repair_request_naming_the_problem_and_the_repair_is_used()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => r.Chunk == 1 && !r.IsRepair ? NotJson : new ScriptedReply.Answer(ScriptedPicks.For(r), (900, 40)));

        var result = await llm.RunAsync();

        var chunkOne = llm.Server.Requests.Where(r => r.Chunk == 1).ToList();
        Assert.Equal(2, chunkOne.Count);
        var repair = chunkOne[1];
        Assert.Equal(["system", "user", "assistant", "user"], repair.Messages.Select(m => m.Role));
        Assert.Equal(((ScriptedReply.Answer)NotJson).Content, repair.Messages[2].Content);
        Assert.Contains("not valid JSON", repair.LastUserText, StringComparison.Ordinal);
        var outcome = Assert.Single(llm.LastSaved!.Chunks, c => c.Index == 0);
        Assert.Equal(ChunkStatus.Answered, outcome.Status);
        Assert.Equal("Moment of part 1", Assert.Single(outcome.Picks).Title);
        Assert.Equal(0, result.Llm!.Chunks.Dropped);
        Assert.Contains(llm.LastSaved!.Calls, c => c.Chunk == 0 && c.Purpose == LlmSelectionRun.Repair && c.Status == CallStatus.Ok);
    }

    [Fact]
    public async Task Times_outside_the_chunk_twice_drop_the_chunk_with_its_reason_and_nothing_from_it_is_kept()
    {
        const string outside = """{"candidates":[{"start":"59:00","end":"59:20","title":"t","hook":"h","reason":"r","score":90,"quote":"q"}]}""";
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(r.Chunk == 2 ? outside : ScriptedPicks.For(r), (900, 40)));

        var result = await llm.RunAsync();

        Assert.Equal(2, llm.Server.Requests.Count(r => r.Chunk == 2));
        Assert.Contains("outside this part", llm.Server.Requests.Last(r => r.Chunk == 2).LastUserText, StringComparison.Ordinal);
        Assert.Equal(1, result.Llm!.Chunks.Dropped);
        Assert.Contains(result.Notes, n => n.StartsWith("chunk 2 (", StringComparison.Ordinal) && n.Contains("dropped: answer unusable after one repair", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Segments, s => s.Pick?.Chunk == 1);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_and_the_refused_attempt_costs_nothing()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => r.Number == 1 ? new ScriptedReply.Status(429, "0") : new ScriptedReply.Answer(ScriptedPicks.For(r), (700, 30)));

        var result = await llm.RunAsync();

        Assert.Equal(result.Llm!.Chunks.Total + 1, llm.Server.Requests.Count);
        var attempts = llm.LastSaved!.Calls.Where(c => c.Chunk == 0).OrderBy(c => c.Attempt).ToList();
        Assert.Equal([CallStatus.RateLimited, CallStatus.Ok], attempts.Select(a => a.Status));
        Assert.Equal(0m, attempts[0].Usd);
        Assert.Equal(LlmRunHarness.Price.Cost(700, 30), attempts[1].Usd);
        Assert.Equal(result.Llm.Chunks.Total + 1, result.Llm.Cost.Calls);
    }

    [Fact]
    public async Task A_reply_slower_than_the_timeout_is_abandoned_retried_and_costed_at_its_worst_case()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => r.Number == 1 ? new ScriptedReply.Hang() : new ScriptedReply.Answer(ScriptedPicks.For(r), (700, 30)));
        llm.Options.RequestTimeout = TimeSpan.FromMilliseconds(500);

        var result = await llm.RunAsync();

        var attempts = llm.LastSaved!.Calls.Where(c => c.Chunk == 0).OrderBy(c => c.Attempt).ToList();
        Assert.Equal([CallStatus.Timeout, CallStatus.Ok], attempts.Select(a => a.Status));
        Assert.False(attempts[0].UsageReported);
        Assert.Equal(CallCost.WorstCase(LlmRunHarness.Price, attempts[0].EstimatedInputTokens, llm.Options.MaxOutputTokens), attempts[0].Usd);
        Assert.Equal(1, result.Llm!.Cost.CallsWithoutUsage);
        Assert.Equal(result.Llm.Chunks.Total, result.Llm.Chunks.Answered);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_failure_names_the_chunk_and_keeps_the_finished_ones()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => r.Chunk == 2 ? new ScriptedReply.Status(503) : new ScriptedReply.Answer(ScriptedPicks.For(r), (700, 30)));

        var error = await Assert.ThrowsAsync<LlmCallException>(() => llm.RunAsync());

        Assert.Equal(1 + llm.Options.MaxRetries, llm.Server.Requests.Count(r => r.Chunk == 2));
        Assert.StartsWith("chunk 2: openai: HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(["0:"], llm.LastSaved!.Chunks.Select(c => c.Key[..2]));
    }

    [Fact]
    public async Task The_budget_is_never_exceeded_even_when_every_call_reports_its_maximum_usage()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), LlmRunHarness.MaximumUsage(r)));
        const decimal budget = 0.40m;

        var stop = await Assert.ThrowsAsync<BudgetExceededException>(() => llm.RunAsync(budget));

        var calls = llm.LastSaved!.Calls;
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal(c.EstimatedInputTokens, c.InputTokens));
        Assert.True(calls.Sum(c => c.Usd) <= budget, $"spent {calls.Sum(c => c.Usd)} of {budget}");
        Assert.Equal(calls.Count, llm.Server.Requests.Count);
        Assert.StartsWith("video budget of $0.40 reached", stop.Message, StringComparison.Ordinal);

        // The refused call would have overrun: what was spent plus its worst case is more than the budget.
        var next = LlmRunHarness.MaximumUsage(llm.Server.Requests[^1]);
        Assert.True(calls.Sum(c => c.Usd) + LlmRunHarness.Price.Cost(next.Input, next.Output) > budget);
    }

    [Fact]
    public async Task No_call_is_made_when_the_estimate_does_not_fit_the_budget()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), (10, 10)));

        await Assert.ThrowsAsync<BudgetExceededException>(() => llm.RunAsync(budgetUsd: 0.01m));

        Assert.Empty(llm.Server.Requests);
        Assert.Null(llm.LastSaved);
        Assert.Equal(0m, await llm.Ledger.SpentOnAsync(DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));
    }

    [Fact]
    public async Task The_daily_budget_refuses_a_call_the_deployment_cannot_afford_today()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), (10, 10)));
        llm.Options.DailyBudgetUsd = 1m;
        var earlier = await llm.Ledger.TryReserveAsync(new LedgerCharge("another-video", llm.Tenant, "openai", LlmRunHarness.Model, 0.99m), 1m, CancellationToken.None);
        Assert.True(earlier.Granted);

        var stop = await Assert.ThrowsAsync<BudgetExceededException>(() => llm.RunAsync());

        Assert.StartsWith("daily budget of $1.00 reached: $0.99 spent", stop.Message, StringComparison.Ordinal);
        Assert.Empty(llm.Server.Requests);
    }

    [Fact]
    public async Task With_the_offline_action_the_chunks_left_when_the_budget_is_reached_are_selected_offline()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r, score: 95), LlmRunHarness.MaximumUsage(r)));

        var result = await llm.RunAsync(budgetUsd: 0.40m, onBudget: BudgetAction.Offline);

        var summary = result.Llm!;
        Assert.True(summary.Budget.Reached);
        Assert.Equal(BudgetAction.Offline, summary.Budget.Action);
        Assert.True(summary.Chunks.Offline > 0 && summary.Chunks.Answered > 0, $"{summary.Chunks}");
        Assert.True(summary.Cost.Usd <= 0.40m);
        Assert.Contains(result.Notes, n => n.Contains($"{summary.Chunks.Offline} of {summary.Chunks.Total} chunks selected offline", StringComparison.Ordinal));

        // Offline windows come only from the part of the transcript no LLM call read.
        var lastAsked = llm.Server.Requests.Max(r => r.Chunk);
        Assert.Contains(result.Segments, s => s.Pick is null);
        Assert.All(result.Segments.Where(s => s.Pick is null), s => Assert.Null(s.Signals!.Llm));
        Assert.Equal(summary.Chunks.Answered, lastAsked);
    }

    [Fact]
    public async Task A_restart_after_a_failure_does_not_resend_finished_chunks_and_still_counts_what_they_cost()
    {
        await using var llm = await LlmRunHarness.StartAsync(r => r.Chunk == 3 ? new ScriptedReply.Status(400) : new ScriptedReply.Answer(ScriptedPicks.For(r), (800, 60)));
        await Assert.ThrowsAsync<LlmCallException>(() => llm.RunAsync());
        var firstRun = llm.Server.Requests.Count;
        llm.Server.Script = r => new ScriptedReply.Answer(ScriptedPicks.For(r), (800, 60));

        var result = await llm.RunAsync(saved: llm.LastSaved);

        var chunksAsked = llm.Server.Requests.Skip(firstRun).Select(r => r.Chunk).ToList();
        Assert.DoesNotContain(1, chunksAsked);
        Assert.DoesNotContain(2, chunksAsked);
        Assert.Equal(3, chunksAsked[0]);
        Assert.Equal(2, result.Llm!.Chunks.FromCheckpoint);
        Assert.Equal(llm.Server.Requests.Count, result.Llm.Cost.Calls);
        Assert.Equal(
            llm.Server.Requests.Count(r => r.Chunk != 3 || r.Number > firstRun) * LlmRunHarness.Price.Cost(800, 60),
            result.Llm.Cost.Usd);
    }
}
