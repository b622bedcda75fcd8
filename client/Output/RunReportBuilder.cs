using Highlights.Grains.Actor;
using Highlights.Grains.Captions;
using Highlights.Grains.Edl;
using Highlights.Grains.Probe;
using Highlights.Grains.Render;
using Highlights.Grains.Selection;
using Highlights.Grains.State;

namespace Highlights.Cli.Output;

public static class RunReportBuilder
{
    public const string Ran = "ran";
    public const string Skipped = "skipped (checkpoint)";

    public static RunReport Build(VideoState state, IReadOnlyList<StageRun> runs, TimeSpan wall, string edlFile, string renderFile, string reportFile)
    {
        var probe = state.ResultOf<ProbeResult>(StageNames.Probe)!;
        var transcript = state.ResultOf<Transcript>(StageNames.Transcript)!;
        var edl = state.ResultOf<EdlDocument>(StageNames.Edl)!;
        var render = state.ResultOf<RenderResult>(StageNames.Render)!;

        var warnings = new List<string>(probe.Warnings);
        if (transcript.Note is not null)
        {
            warnings.Add(transcript.Note);
        }

        if (transcript.SkippedCues > 0)
        {
            warnings.Add($"{transcript.SkippedCues} malformed caption cue(s) skipped");
        }

        warnings.AddRange(edl.Selector.Notes);
        var duration = probe.Media.DurationSeconds;
        return new RunReport(
            state.VideoId,
            state.Source.Path,
            duration,
            state.Status.ToString().ToLowerInvariant(),
            runs.Any(r => r.FromCheckpoint),
            runs.Select(r => new StageReport(r.Stage, r.FromCheckpoint ? Skipped : Ran, Math.Round(r.DurationSeconds, 3))).ToList(),
            warnings,
            new TranscriptReport(transcript.Source, transcript.Origin, transcript.Cues.Count, transcript.SkippedCues, transcript.Whisper),
            probe.Media.Audio is not null,
            new OutputsReport(edlFile, renderFile, reportFile, edl.Segments.Count, edl.TotalDuration, render.DurationSeconds, edl.TargetDuration, ReelPicture.Describe(edl.Render, edl.Source)),
            new TimingReport(Math.Round(wall.TotalSeconds, 3), duration > 0 ? Math.Round(wall.TotalSeconds / duration, 4) : 0),
            state.ResultOf<SelectionResult>(StageNames.Select)?.Llm);
    }
}
