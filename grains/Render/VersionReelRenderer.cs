using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Inputs;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.State;

namespace Highlights.Grains.Render;

/// <summary>
/// Renders an edited EDL version to a reel of its own, <c>v{N}/highlights.mp4</c> in the video's work directory, with
/// the same <see cref="ReelRenderer"/> as the render stage; no version's render touches another's file or the render
/// stage's. The source is re-admitted and, where inputs are confined to roots, re-hashed, as a run does.
/// </summary>
public sealed class VersionReelRenderer(ReelRenderer renderer, IMediaTool media, InputFileGuard files)
{
    public static string FileNameOf(int version) => Path.Combine($"v{version}", RenderStage.OutputFileName);

    public async Task<RenderResult> RenderAsync(VideoState state, EdlDocument edl, int version, string videoDirectory, CancellationToken cancellationToken)
    {
        var probe = state.ResultOf<ProbeResult>(StageNames.Probe)
            ?? throw new InvalidOperationException($"video {state.VideoId} has no probe of its source");
        await files.VerifyAsync(state.Source.Path, state.Source.Sha256, "source file", cancellationToken);
        edl = edl with { Source = edl.Source with { Path = files.Admit(state.Source.Path, "source file") } };
        var fileName = FileNameOf(version);
        var target = Path.Combine(videoDirectory, fileName);
        var workDirectory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(workDirectory);
        var report = await renderer.RenderAsync(new ReelRenderRequest(edl, probe.Media, workDirectory, target), cancellationToken);
        var rendered = await media.ProbeAsync(target, cancellationToken);
        return new RenderResult(fileName, rendered.DurationSeconds, new FileInfo(target).Length, report.Chunks);
    }
}
