namespace Highlights.Grains.Signals;

/// <summary>
/// Read access to a video's signal series by time, for selection (offline, and the LLM fusion): the mean of a track
/// over any interval. A track whose input is missing (no audio, no frames, no transcript) reports
/// <see cref="Has"/> false and a mean of 0, so a selector can leave its factor out instead of scoring a 0.
/// </summary>
public sealed class SignalTimeline
{
    private readonly SignalSeries series;
    private readonly bool hasAudio;
    private readonly bool hasFrames;

    public SignalTimeline(double stepSeconds, SignalSeries series, bool hasAudio, bool hasFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        StepSeconds = stepSeconds;
        this.series = series;
        this.hasAudio = hasAudio;
        this.hasFrames = hasFrames;
    }

    public double StepSeconds { get; }

    public static SignalTimeline From(SignalsDocument document) =>
        new(document.Step, document.Series, document.Inputs.HasAudio, document.Inputs.Frames > 0);

    public bool Has(SignalTrack track) => track switch
    {
        SignalTrack.AudioLoudness or SignalTrack.AudioExcitement => hasAudio,
        SignalTrack.SpeechRate => series.SpeechRate is not null,
        _ => hasFrames,
    } && Values(track).Length > 0;

    /// <summary>Mean of <paramref name="track"/> over the steps overlapping [start, end); 0 for an empty interval or a missing track.</summary>
    public double MeanBetween(SignalTrack track, double start, double end)
    {
        if (!Has(track) || end <= start)
        {
            return 0;
        }

        var values = Values(track);

        // A tolerance, so an interval starting exactly on a step boundary does not take in the step before.
        var first = Math.Clamp((int)Math.Floor((start / StepSeconds) + 1e-9), 0, values.Length - 1);
        var last = Math.Clamp((int)Math.Ceiling((end / StepSeconds) - 1e-9), first + 1, values.Length);
        double sum = 0;
        for (var i = first; i < last; i++)
        {
            sum += values[i];
        }

        return sum / (last - first);
    }

    private float[] Values(SignalTrack track) => track switch
    {
        SignalTrack.AudioLoudness => series.AudioLoudness,
        SignalTrack.AudioExcitement => series.AudioExcitement,
        SignalTrack.SpeechRate => series.SpeechRate ?? [],
        SignalTrack.FaceCount => series.FaceCount,
        SignalTrack.LargestFace => series.LargestFace,
        SignalTrack.Smile => series.Smile,
        SignalTrack.Motion => series.Motion,
        SignalTrack.SceneCut => series.SceneCut,
        SignalTrack.VisualReaction => series.VisualReaction,
        _ => throw new ArgumentOutOfRangeException(nameof(track), track, null),
    };
}
