using Highlights.Client.Contracts;
using Highlights.Grains.Llm;
using Highlights.Grains.State;

namespace Highlights.Silo.Api;

/// <summary>Parses a submission's options and checks, before the video is queued, that its LLM choice can run on this server.</summary>
internal sealed class OptionsAdmission(LlmSelectionService llm, string defaultModel)
{
    public ProcessingOptions From(SubmitVideoRequest request) => Ready(SubmitOptions.From(request, defaultModel));

    public ProcessingOptions From(IReadOnlyDictionary<string, string> fields) => Ready(SubmitOptions.From(fields, defaultModel));

    private ProcessingOptions Ready(ProcessingOptions options)
    {
        try
        {
            if (options.Llm is { } choice)
            {
                llm.EnsureReady(choice);
            }
        }
        catch (LlmConfigurationException ex)
        {
            throw new SourceRejectedException($"llm {options.Llm!.Provider} cannot run on this server: {ex.Message}");
        }

        return options;
    }
}
