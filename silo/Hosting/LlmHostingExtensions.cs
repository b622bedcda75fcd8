using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Hosting;

/// <summary>Registers LLM selection: its options, the Semantic Kernels over the OpenAI-compatible endpoint, the run-time files and the cost ledger.</summary>
public static class LlmHostingExtensions
{
    /// <summary>Folder under the state directory holding the embedded (file) cost ledger.</summary>
    public const string LedgerFolder = "ledger";

    public static IHostApplicationBuilder AddHighlightsLlm(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LlmOptions>().Bind(builder.Configuration.GetSection(LlmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LlmKernels>();
        services.AddSingleton(sp => new FileCostLedger(
            Path.Combine(sp.GetRequiredService<IOptions<StateOptions>>().Value.Directory, LedgerFolder),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICostLedger>(sp => sp.GetRequiredService<FileCostLedger>());
        services.AddSingleton(sp =>
        {
            var prompts = sp.GetRequiredService<IOptions<PromptsOptions>>().Value.Directory!;
            return new LlmFiles(prompts, sp.GetRequiredService<IOptions<LlmOptions>>().Value.PriceTable ?? Path.Combine(prompts, PriceTable.FileName));
        });
        services.AddSingleton<LlmSelectionService>();
        return builder;
    }
}
