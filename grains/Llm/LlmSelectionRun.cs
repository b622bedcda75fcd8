using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Answers;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Llm.Chunks;
using Highlights.Grains.Llm.Prompts;
using Highlights.Grains.Selection;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.SemanticKernel;

namespace Highlights.Grains.Llm;

/// <summary>
/// Asks the LLM for highlights chunk by chunk, one call at a time (so every budget check sees every earlier charge),
/// checkpointing each finished chunk, then ranks the picks with the offline selector's scorer and fitter. A chunk whose
/// answer is unusable gets one repair request, then is dropped with its reason. When a budget is reached the run either
/// stops (<see cref="BudgetExceededException"/>) or, with the Offline action, selects the remaining chunks offline.
/// </summary>
public sealed class LlmSelectionRun(
    Kernel kernel,
    string provider,
    LlmOptions options,
    ICostLedger ledger,
    TimeProvider time,
    PromptSet prompts,
    PriceTable prices,
    OfflineSelectorSettings settings,
    HighlightsMetrics metrics)
{
    public const string Picks = "picks";
    public const string Repair = "repair";

    private readonly ChunkPrompts requests = new(prompts, options, settings);

    public async Task<SelectionResult> RunAsync(
        LlmSelectionRequest request,
        LlmProgress? saved,
        Func<LlmProgress, CancellationToken, Task> save,
        Action<double, string?> progress,
        CancellationToken cancellationToken)
    {
        var input = request.Input;
        var chunks = TranscriptChunker.Split(input.Cues, options.ChunkTokens, options.OverlapTokens);
        if (chunks.Count == 0)
        {
            var offline = new OfflineSelector(settings).Select(input, cancellationToken);
            return offline with { Notes = [.. offline.Notes, "no transcript for the LLM to read: selected offline"] };
        }

        var journal = new ProgressJournal(saved ?? LlmProgress.Empty, save);
        // The run's own kernel: the shared one's services, plus a budget filter over this video's journal.
        var guarded = kernel.Clone();
        guarded.FunctionInvocationFilters.Add(new LlmBudgetFilter(ledger, Budget(request), journal, metrics));
        var caller = new LlmCaller(guarded, options, time);
        var reused = journal.Current.Chunks.Where(c => chunks.Any(k => k.Key == c.Key)).ToDictionary(c => c.Key);
        var outcomes = new List<ChunkOutcome>();
        string? budgetMessage = null;
        foreach (var chunk in chunks)
        {
            progress(chunk.Index / (double)chunks.Count, $"chunk {chunk.Index + 1}/{chunks.Count}");
            if (reused.TryGetValue(chunk.Key, out var done))
            {
                outcomes.Add(done);
                continue;
            }

            if (budgetMessage is not null)
            {
                outcomes.Add(Outcome(chunk, ChunkStatus.Offline, [], "budget reached: selected offline"));
                continue;
            }

            try
            {
                var outcome = await AskAsync(caller, request, chunk, chunks.Count, cancellationToken);
                await journal.RecordAsync(p => p.WithChunk(outcome), cancellationToken);
                outcomes.Add(outcome);
            }
            catch (BudgetExceededException ex) when (request.OnBudgetExceeded == BudgetAction.Offline)
            {
                budgetMessage = ex.Message;
                outcomes.Add(Outcome(chunk, ChunkStatus.Offline, [], "budget reached: selected offline"));
            }
        }

        progress(1, null);
        return Rank(request, chunks, outcomes, journal.Current, budgetMessage, reused.Count);
    }

    private CallBudget Budget(LlmSelectionRequest request) =>
        new(request.VideoId, request.Tenant, provider, request.Choice.Model, prices.For(request.Choice.Model), request.VideoBudgetUsd, options.DailyBudgetUsd);

    private async Task<ChunkOutcome> AskAsync(LlmCaller caller, LlmSelectionRequest request, TranscriptChunk chunk, int chunkCount, CancellationToken cancellationToken)
    {
        var values = requests.Variables(request.Title, chunk, chunkCount, request.Input.Signals);
        var asked = await requests.AskAsync(values);
        var reply = await caller.CallAsync(requests.Request(request.Choice.Model, asked), chunk.Index, Picks, cancellationToken);
        var check = LlmAnswerParser.Check(reply.Content, chunk);
        if (!check.IsValid)
        {
            var repair = await requests.RepairAsync(asked, reply.Content, values, check.Problem!);
            reply = await caller.CallAsync(requests.Request(request.Choice.Model, repair), chunk.Index, Repair, cancellationToken);
            var repaired = LlmAnswerParser.Check(reply.Content, chunk);
            if (!repaired.IsValid)
            {
                return Outcome(chunk, ChunkStatus.Dropped, [], $"answer unusable after one repair: {repaired.Problem}");
            }

            check = repaired;
        }

        var picks = check.Candidates!.Select(c => CandidateSnapper.Snap(c, chunk, request.Input.Cues, settings.MaxClipSeconds)).ToList();
        return Outcome(chunk, ChunkStatus.Answered, picks, null);
    }

    private ChunkOutcome Outcome(TranscriptChunk chunk, ChunkStatus status, IReadOnlyList<LlmPick> picks, string? note) =>
        new(chunk.Key, chunk.Index, chunk.Start, chunk.End, status, picks, note, prompts.Version);

    private SelectionResult Rank(
        LlmSelectionRequest request, IReadOnlyList<TranscriptChunk> chunks, IReadOnlyList<ChunkOutcome> outcomes, LlmProgress progress, string? budgetMessage, int fromCheckpoint)
    {
        var input = request.Input;
        var notes = OfflineSelector.Notes(hasTranscript: true, input.Signals);
        notes.AddRange(outcomes.Where(o => o.Status == ChunkStatus.Dropped).Select(o => $"chunk {o.Index + 1} ({Timecode.Format(o.Start)}-{Timecode.Format(o.End)}) dropped: {o.Note}"));
        var offline = outcomes.Where(o => o.Status == ChunkStatus.Offline).Select(o => chunks[o.Index]).ToList();
        if (budgetMessage is not null)
        {
            notes.Add($"{budgetMessage}; {offline.Count} of {chunks.Count} chunks selected offline");
        }

        var picks = outcomes.SelectMany(o => o.Picks).ToList();
        var segments = new PickSelector(settings).Select(input, picks, OfflineRuns(input.Cues.Count, chunks, outcomes));
        if (segments.Count == 0)
        {
            notes.Add("the LLM proposed no moment: selected offline");
            segments = new PickSelector(settings).Select(input, [], [(0, input.Cues.Count - 1)]);
        }

        var versions = outcomes.Where(o => o.Status != ChunkStatus.Offline).Select(o => o.PromptVersion).Distinct().Where(v => v != prompts.Version).ToList();
        if (versions.Count > 0)
        {
            notes.Add($"some chunks were answered with earlier prompts ({string.Join(", ", versions)}) before a restart");
        }

        var summary = new LlmSelectionSummary(
            provider,
            request.Choice.Model,
            prompts.Version,
            settings.Version,
            prices.Version,
            new LlmChunkCounts(
                chunks.Count,
                outcomes.Count(o => o.Status == ChunkStatus.Answered),
                outcomes.Count(o => o.Status == ChunkStatus.Dropped),
                offline.Count,
                fromCheckpoint),
            new LlmBudgetReport(request.VideoBudgetUsd, options.DailyBudgetUsd, budgetMessage is not null, budgetMessage is null ? null : BudgetAction.Offline, budgetMessage),
            LlmCost.From(progress.Calls));
        return new SelectionResult(PickSelector.Method, prompts.Version, segments, notes, summary);
    }

    /// <summary>Runs of cues that only offline chunks cover: a cue an asked chunk also read was already judged by the LLM.</summary>
    private static List<(int First, int Last)> OfflineRuns(int cueCount, IReadOnlyList<TranscriptChunk> chunks, IReadOnlyList<ChunkOutcome> outcomes)
    {
        var judged = new bool[cueCount];
        foreach (var outcome in outcomes.Where(o => o.Status != ChunkStatus.Offline))
        {
            var chunk = chunks[outcome.Index];
            for (var i = chunk.FirstCue; i <= chunk.LastCue; i++)
            {
                judged[i] = true;
            }
        }

        var offline = new bool[cueCount];
        foreach (var outcome in outcomes.Where(o => o.Status == ChunkStatus.Offline))
        {
            var chunk = chunks[outcome.Index];
            for (var i = chunk.FirstCue; i <= chunk.LastCue; i++)
            {
                offline[i] = !judged[i];
            }
        }

        var runs = new List<(int, int)>();
        for (var i = 0; i < cueCount; i++)
        {
            if (!offline[i])
            {
                continue;
            }

            var first = i;
            while (i + 1 < cueCount && offline[i + 1])
            {
                i++;
            }

            runs.Add((first, i));
        }

        return runs;
    }
}
