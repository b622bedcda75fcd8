using System.Globalization;
using Highlights.Grains.Signals;

namespace Highlights.Grains.Selection;

/// <summary>
/// Deterministic highlight selection with no network. Each candidate scores
/// <c>(keyword_floor + min(1, keyword_density * keyword_gain)) * (energy_floor + mean_audio) * (visual_floor + mean_visual_reaction)</c>;
/// a factor whose signal is missing (no transcript, no audio, no frames) is left out rather than guessed.
/// <c>mean_audio</c> is the audio excitement when signals exist (loud <em>and</em> broadband or sudden: a crowd,
/// laughter, a bang), which separates a roar from a voice merely speaking up; plain normalised loudness otherwise.
/// With no transcript and no audio, windows are spread evenly over the video.
/// </summary>
public sealed class OfflineSelector(OfflineSelectorSettings settings)
{
    public const string Method = "offline";

    private readonly KeywordMatcher keywords = new(settings.Lexicon);

    public SelectionResult Select(SelectionInput input)
    {
        var hasTranscript = input.Cues.Count > 0;
        var hasEnergy = input.Energy.Present && input.Energy.Normalised.Length > 0;
        var hasVisual = input.Signals?.Has(SignalTrack.VisualReaction) == true;
        var notes = new List<string>();
        if (!hasTranscript)
        {
            notes.Add("no transcript: windows are not snapped to sentences and keywords are not scored");
        }

        if (!hasEnergy)
        {
            notes.Add("no audio energy: the audio factor is left out");
        }

        List<ScoredCandidate> picked;
        if (!hasTranscript && !hasEnergy)
        {
            notes.Add("no signal to rank by: windows spread evenly over the video");
            picked = EvenlySpread(input.DurationSeconds, input.TargetSeconds);
        }
        else
        {
            var windows = hasTranscript
                ? CandidateWindows.FromCues(input.Cues, settings.MinClipSeconds, settings.MaxClipSeconds)
                : CandidateWindows.Fixed(input.DurationSeconds, settings.WindowSeconds);
            picked = TargetFitter.Fit(windows.Select(w => Score(w, input, hasTranscript, hasEnergy)), input.TargetSeconds);
        }

        var segments = picked.Select(p => new SelectedSegment(p.Window.Start, p.Window.End, Math.Round(p.Score, 4), Reasons(p, input, hasTranscript, hasEnergy, hasVisual), p.Window.Text)).ToList();
        return new SelectionResult(Method, settings.Version, segments, notes);
    }

    public ScoredCandidate Score(Candidate window, SelectionInput input, bool hasTranscript, bool hasEnergy)
    {
        var (density, found) = hasTranscript ? keywords.Measure(window.Text) : (0, []);
        var keywordFactor = hasTranscript ? settings.KeywordFloor + Math.Min(1, density * settings.KeywordGain) : 1;
        var energy = !hasEnergy ? 0
            : UsesExcitement(input) ? input.Signals!.MeanBetween(SignalTrack.AudioExcitement, window.Start, window.End)
            : input.Energy.MeanBetween(window.Start, window.End);
        var energyFactor = hasEnergy ? settings.EnergyFloor + energy : 1;
        var hasVisual = input.Signals?.Has(SignalTrack.VisualReaction) == true;
        var visual = hasVisual ? input.Signals!.MeanBetween(SignalTrack.VisualReaction, window.Start, window.End) : 0;
        var visualFactor = hasVisual ? settings.VisualFloor + visual : 1;
        return new ScoredCandidate(window, keywordFactor * energyFactor * visualFactor, density, energy, found, visual);
    }

    private static bool UsesExcitement(SelectionInput input) => input.Signals?.Has(SignalTrack.AudioExcitement) == true;

    private List<ScoredCandidate> EvenlySpread(double duration, double target)
    {
        var length = Math.Min(settings.WindowSeconds, duration);
        var count = Math.Max(1, (int)Math.Floor(target / length));
        var gap = (duration - (count * length)) / (count + 1);
        if (gap < 0)
        {
            count = Math.Max(1, (int)Math.Floor(duration / length));
            gap = (duration - (count * length)) / (count + 1);
        }

        return Enumerable.Range(0, count)
            .Select(i => gap + (i * (length + gap)))
            .Select(start => new ScoredCandidate(new Candidate(start, start + length, string.Empty), 0, 0, 0, []))
            .ToList();
    }

    private static List<string> Reasons(ScoredCandidate candidate, SelectionInput input, bool hasTranscript, bool hasEnergy, bool hasVisual)
    {
        var reasons = new List<string>();
        if (candidate.Keywords.Count > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"keywords: {string.Join(", ", candidate.Keywords)} (density {candidate.KeywordDensity:0.000})"));
        }
        else if (hasTranscript)
        {
            reasons.Add("no lexicon keywords");
        }

        if (hasEnergy)
        {
            var audio = UsesExcitement(input) ? "audio excitement" : "audio energy";
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{audio} {candidate.Energy:0.00}"));
        }

        if (hasVisual)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"visual reaction {candidate.VisualReaction:0.00}"));
        }

        if (!hasTranscript && !hasEnergy)
        {
            reasons.Add("evenly spaced (no signal)");
        }

        return reasons;
    }
}
