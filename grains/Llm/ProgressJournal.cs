namespace Highlights.Grains.Llm;

/// <summary>The LLM run's progress, saved durably (the stage's partial checkpoint) after every change before the run goes on.</summary>
public sealed class ProgressJournal(LlmProgress initial, Func<LlmProgress, CancellationToken, Task> save)
{
    public LlmProgress Current { get; private set; } = initial;

    public async Task RecordAsync(Func<LlmProgress, LlmProgress> change, CancellationToken cancellationToken)
    {
        Current = change(Current);
        await save(Current, cancellationToken);
    }
}
