using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Telemetry;
using Microsoft.SemanticKernel;

namespace Highlights.Grains.Llm;

/// <summary>
/// The budget guard, as a kernel filter around every function invocation of one selection run's kernel. Before the
/// call: its worst case must fit the video's budget and be granted by the daily ledger, and it is recorded as pending
/// (write-ahead). After it: the reported usage is recorded in the video's ledger before anything else, then settled in
/// the daily ledger. A refused call never reaches the model; a call that failed is costed like one that answered.
/// </summary>
public sealed class LlmBudgetFilter(ICostLedger ledger, CallBudget budget, ProgressJournal journal, HighlightsMetrics metrics) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        // Nothing reaches the model unguarded: a function without a request to cost is refused outright.
        if (!context.Arguments.TryGetValue(ChatCompletionFunction.RequestArgument, out var requested) || requested is not LlmRequest request
            || !context.Arguments.TryGetValue(ChatCompletionFunction.AttemptArgument, out var attempted) || attempted is not LlmAttempt attempt)
        {
            throw new InvalidOperationException($"{context.Function.Name}: an LLM call needs its request and attempt to be costed");
        }

        var cancellationToken = context.CancellationToken;
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

        var record = new LlmCallRecord(
            reservation.Id, attempt.Chunk, attempt.Purpose, attempt.Number, budget.Provider, budget.Model, CallStatus.Pending, estimated, 0, 0, worst, UsageReported: false);
        await journal.RecordAsync(p => p.WithCall(record), cancellationToken);

        LlmReply? reply = null;
        var status = CallStatus.Ok;
        Exception? failure = null;
        try
        {
            await next(context);
            reply = context.Result.GetValue<LlmReply>();
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
    }

    private static CallStatus StatusOf(LlmFailureKind kind) => kind switch
    {
        LlmFailureKind.RateLimited => CallStatus.RateLimited,
        LlmFailureKind.ServerError => CallStatus.ServerError,
        LlmFailureKind.Timeout => CallStatus.Timeout,
        LlmFailureKind.Network => CallStatus.Network,
        _ => CallStatus.Rejected,
    };
}
