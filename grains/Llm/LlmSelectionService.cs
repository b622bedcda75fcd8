using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.Llm.Prompts;
using Highlights.Grains.Selection;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Llm;

/// <summary>
/// The select stage's LLM path: resolves the provider, reads the prompts and the price table afresh (so editing them
/// needs no rebuild or restart), applies the video's budget, and runs the selection over the stage's saved progress.
/// </summary>
public sealed class LlmSelectionService(
    LlmKernels kernels,
    IOptions<LlmOptions> options,
    ICostLedger ledger,
    LlmFiles files,
    OfflineSelectorSettings settings,
    TimeProvider time,
    HighlightsMetrics metrics)
{
    public Task<SelectionResult> SelectAsync(StageContext context, SelectionInput input, CancellationToken cancellationToken)
    {
        var state = context.State;
        var choice = state.Options.Llm ?? throw new InvalidOperationException($"video {state.VideoId} did not ask for LLM selection");
        var (prompts, prices) = Resolve(choice);
        var request = new LlmSelectionRequest(
            state.VideoId,
            state.Tenant,
            Path.GetFileNameWithoutExtension(state.Source.Path),
            choice,
            state.Options.BudgetUsd ?? options.Value.VideoBudgetUsd,
            state.Options.OnBudgetExceeded ?? options.Value.OnBudgetExceeded,
            input);
        var run = new LlmSelectionRun(kernels.For(choice.Model), kernels.Provider, options.Value, ledger, time, prompts, prices, settings, metrics);
        return run.RunAsync(request, context.SavedPartial<LlmProgress>(), context.SavePartialAsync, (f, d) => context.ReportProgress(f, d), cancellationToken);
    }

    /// <summary>Fails, before any work, on whatever would stop the LLM path: unknown provider, no key, no price for the model, a broken prompt.</summary>
    public void EnsureReady(LlmChoice choice) => Resolve(choice);

    private (PromptSet Prompts, PriceTable Prices) Resolve(LlmChoice choice)
    {
        if (choice.Provider != kernels.Provider)
        {
            throw new LlmConfigurationException($"unknown LLM provider {choice.Provider}; known: {kernels.Provider}");
        }

        var llm = options.Value;
        if (choice.Provider == LlmOptions.OpenAiProvider && llm.BaseUrl is null && string.IsNullOrWhiteSpace(llm.ApiKey))
        {
            throw new LlmConfigurationException("no API key for OpenAI: set HIGHLIGHTS_LLM__APIKEY, or HIGHLIGHTS_LLM__BASEURL for an OpenAI-compatible server that needs none");
        }

        PromptSet prompts;
        try
        {
            prompts = PromptSetFile.Load(files.PromptsDirectory);
        }
        catch (PromptTemplateException ex)
        {
            throw new LlmConfigurationException(ex.Message);
        }

        var prices = PriceTableFile.Load(files.PriceTablePath);
        prices.For(choice.Model);
        return (prompts, prices);
    }
}
