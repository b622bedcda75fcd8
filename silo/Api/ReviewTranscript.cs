using Highlights.Grains.Captions;

namespace Highlights.Silo.Api;

/// <summary>
/// Answer of <c>GET /v1/videos/{id}/transcript</c>: the cues in source seconds, with their words when speech
/// recognition timed them (captions have none), so the studio keeps cuts out of the middle of a word.
/// </summary>
public sealed record ReviewTranscript(string Source, IReadOnlyList<ReviewCue> Cues)
{
    public static ReviewTranscript From(Transcript transcript) => new(
        transcript.Source.ToString().ToLowerInvariant(),
        [.. transcript.Cues.Select(c => new ReviewCue(c.Start, c.End, c.Text, c.Words?.Select(w => new ReviewWord(w.Start, w.End, w.Text)).ToList()))]);
}

public sealed record ReviewCue(double Start, double End, string Text, IReadOnlyList<ReviewWord>? Words);

public sealed record ReviewWord(double Start, double End, string Text);
