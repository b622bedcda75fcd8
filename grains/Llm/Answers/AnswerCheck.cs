namespace Highlights.Grains.Llm.Answers;

/// <summary>An answer that can be used (<see cref="Candidates"/>), or what is wrong with it (<see cref="Problem"/>), in words the model can act on.</summary>
public sealed record AnswerCheck(IReadOnlyList<RawCandidate>? Candidates, string? Problem)
{
    public bool IsValid => Problem is null;

    public static AnswerCheck Valid(IReadOnlyList<RawCandidate> candidates) => new(candidates, null);

    public static AnswerCheck Invalid(string problem) => new(null, problem);
}
