using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Telemetry;
using Polly;
using Polly.Retry;

namespace Highlights.Grains.Llm;

/// <summary>
/// Makes one logical request, one attempt at a time. Before each attempt: its worst case must fit the video's budget and
/// be granted by the daily ledger, and it is recorded as pending (write-ahead). After it: the reported usage is recorded
/// in the video's ledger before anything else, then settled in the daily ledger. 429s, 5xx, timeouts and broken
/// connections are retried with exponential backoff (Polly), a bounded number of times; each retry is costed like the first.
/// </summary>
public sealed class GuardedLlmCaller
{
    private readonly ILlmClient client;
    private readonly LlmOptions options;
    private readonly ICostLedger ledger;
    private readonly TimeProvider time;
    private readonly CallBudget budget;
    private readonly ProgressJournal journal;
    private readonly HighlightsMetrics metrics;
    private readonly ResiliencePipeline retries;

    public GuardedLlmCaller(
        ILlmClient client, LlmOptions options, ICostLedger ledger, TimeProvider time, CallBudget budget, ProgressJournal journal, HighlightsMetrics metrics)
    {
        this.metrics = metrics;
        this.client = client;
        this.options = options;
        this.ledger = ledger;
        this.time = time;
        this.budget = budget;
        this.journal = journal;
        retries = BuildRetries(options, time);
    }

    public async Task<LlmReply> CallAsync(LlmRequest request, int chunk, string purpose, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            return await retries.ExecuteAsync(async token => await AttemptAsync(request, chunk, purpose, ++attempt, token), cancellationToken);
        }
        catch (LlmCallException ex)
        {
            throw new LlmCallException(
                ex.Kind,
                $"chunk {chunk + 1}: {ex.Message} (gave up after {attempt} attempt(s); finished chunks are kept, run again to continue)",
                ex.StatusCode,
                ex.RetryAfter,
                ex);
        }
    }

    private async Task<LlmReply> AttemptAsync(LlmRequest request, int chunk, string purpose, int attempt, CancellationToken cancellationToken)
    {
        var estimated = (int)Math.Ceiling(TokenEstimator.Estimate(request) * journal.Current.Calibration);
        var worst = CallCost.WorstCase(budget.Price, estimated, request.MaxOutputTokens);
        if (CallCost.Refusal("video", budget.VideoLimitUsd, journal.Current.SpentUsd, worst) is { } videoRefusal)
        {
            throw new BudgetExceededException(BudgetExceededException.VideoScope, videoRefusal);
        }

        var reservation = await ledger.TryReserveAsync(new LedgerCharge(budget.VideoId, budget.Tenant, budget.Provider, budget.Model, worst), budget.DailyLimitUsd, cancellationToken);
        if (!reservation.Granted)
        {
            throw new BudgetExceededException(BudgetExceededException.DeploymentScope, CallCost.Refusal("daily", budget.DailyLimitUsd, reservation.SpentBefore, worst)!);
        }

        var record = new LlmCallRecord(reservation.Id, chunk, purpose, attempt, budget.Provider, budget.Model, CallStatus.Pending, estimated, 0, 0, worst, UsageReported: false);
        await journal.RecordAsync(p => p.WithCall(record), cancellationToken);

        LlmReply? reply = null;
        var status = CallStatus.Ok;
        Exception? failure = null;
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            reply = await client.CompleteAsync(request, linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout, or (should it ever fire first) the SDK's network timeout: either way nobody asked to stop.
            status = CallStatus.Timeout;
            failure = new LlmCallException(LlmFailureKind.Timeout, $"no reply within {options.RequestTimeout.TotalSeconds:0.###} s", inner: ex);
        }
        catch (OperationCanceledException ex)
        {
            status = CallStatus.Cancelled;
            failure = ex;
        }
        catch (LlmCallException ex)
        {
            status = StatusOf(ex.Kind);
            failure = ex;
        }

        // The video's ledger first: if the host dies now, the call is still counted against this video's budget.
        var cost = CallCost.Settled(budget.Price, status, reply?.Usage, worst);
        var settled = record with
        {
            Status = status,
            InputTokens = reply?.Usage?.InputTokens ?? 0,
            OutputTokens = reply?.Usage?.OutputTokens ?? 0,
            Usd = cost,
            UsageReported = reply?.Usage is not null,
        };
        await journal.RecordAsync(p => p.WithCall(settled), CancellationToken.None);
        await ledger.SettleAsync(reservation, new LedgerSettlement(cost, settled.InputTokens, settled.OutputTokens), CancellationToken.None);
        metrics.RecordLlmCall(settled, budget.Tenant);
        if (failure is not null)
        {
            throw failure;
        }

        return reply!;
    }

    private static CallStatus StatusOf(LlmFailureKind kind) => kind switch
    {
        LlmFailureKind.RateLimited => CallStatus.RateLimited,
        LlmFailureKind.ServerError => CallStatus.ServerError,
        LlmFailureKind.Timeout => CallStatus.Timeout,
        LlmFailureKind.Network => CallStatus.Network,
        _ => CallStatus.Rejected,
    };

    private static ResiliencePipeline BuildRetries(LlmOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<LlmCallException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is LlmCallException { RetryAfter: { } after } ? (TimeSpan?)(after < options.MaxRetryDelay ? after : options.MaxRetryDelay) : null),
            });
        }

        return builder.Build();
    }
}
