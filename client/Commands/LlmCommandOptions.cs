using System.CommandLine;
using Highlights.Grains.Llm;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Highlights.Cli.Commands;

/// <summary>
/// <c>--llm</c>, <c>--llm-model</c>, <c>--budget-usd</c> and <c>--on-budget</c>: how a command selects highlights.
/// (<c>--model</c> is left to the Whisper model.)
/// </summary>
public sealed class LlmCommandOptions
{
    public const string Offline = "offline";

    public Option<string> Llm { get; } = new("--llm")
    {
        Description = "Who picks the highlights: offline (no network, the default) or openai (any OpenAI-compatible server, see Llm:BaseUrl)",
        DefaultValueFactory = _ => Offline,
    };

    public Option<string?> Model { get; } = new("--llm-model") { Description = "LLM model name (default Llm:Model, gpt-4.1-mini); it needs a price in llm-prices.json" };

    public Option<decimal?> BudgetUsd { get; } = new Option<decimal?>("--budget-usd")
    {
        Description = "Most this video may spend on LLM calls over all its runs, in USD (default Llm:VideoBudgetUsd, 0.50)",
    }.Reject(usd => usd < 0, "--budget-usd must be 0 or more");

    public Option<BudgetAction?> OnBudget { get; } = new Option<BudgetAction?>("--on-budget")
    {
        Description = "When the budget is reached: stop (exit code 3; run again with a larger budget to continue) or offline (finish without the LLM)",
    }.LowercaseChoices();

    public LlmCommandOptions()
    {
        Llm.AcceptOnlyFromAmong(Offline, LlmOptions.OpenAiProvider);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Llm);
        command.Options.Add(Model);
        command.Options.Add(BudgetUsd);
        command.Options.Add(OnBudget);
    }

    /// <summary>
    /// Adds the LLM choice and budget to <paramref name="options"/>, and checks before any work that the LLM path can run
    /// (provider, key, price of the model, prompts), so a setting to fix is reported at once, not after probing the video.
    /// </summary>
    public ProcessingOptions Apply(ParseResult parse, ProcessingOptions options, IServiceProvider services)
    {
        var provider = parse.GetValue(Llm)!;
        if (provider == Offline)
        {
            return options;
        }

        var choice = new LlmChoice(provider, parse.GetValue(Model) ?? services.GetRequiredService<IOptions<LlmOptions>>().Value.Model);
        services.GetRequiredService<LlmSelectionService>().EnsureReady(choice);
        return options with { Llm = choice, BudgetUsd = parse.GetValue(BudgetUsd), OnBudgetExceeded = parse.GetValue(OnBudget) };
    }
}
