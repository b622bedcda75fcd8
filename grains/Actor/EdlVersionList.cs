using Highlights.Grains.Edl;
using Highlights.Grains.Render;
using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>
/// A video's EDL versions from its state: version 1 is the EDL stage's checkpoint, made by "machine", its reel the render
/// stage's; the edited versions follow. Pure.
/// </summary>
public static class EdlVersionList
{
    public const string Machine = "machine";

    public static IReadOnlyList<EdlVersionInfo> Of(VideoState state)
    {
        if (!state.Checkpoints.TryGetValue(StageNames.Edl, out var checkpoint) || state.ResultOf<EdlDocument>(StageNames.Edl) is not { } edl)
        {
            return [];
        }

        var (status, error) = MachineRender(state);
        var machine = new EdlVersionInfo(
            VideoState.MachineVersion, checkpoint.CompletedAt, Machine, edl.Segments.Count, edl.ReelDuration ?? edl.TotalDuration,
            status, error, state.ResultOf<RenderResult>(StageNames.Render)?.FileName);
        return [machine, .. state.EdlVersions.Select(Info)];
    }

    public static EdlVersionInfo Info(EdlVersion version) => new(
        version.Number, version.CreatedAt, version.CreatedBy, version.Segments, version.DurationSeconds,
        version.Render.Status, version.Render.Error, version.Render.FileName);

    /// <summary>The EDL JSON of <paramref name="version"/>, or null when the video has no such version.</summary>
    public static string? EdlOf(VideoState state, int version) => version == VideoState.MachineVersion
        ? state.Checkpoints.TryGetValue(StageNames.Edl, out var checkpoint) ? checkpoint.Result.GetRawText() : null
        : state.EdlVersionOf(version)?.Edl.GetRawText();

    private static (VersionRenderStatus Status, string? Error) MachineRender(VideoState state) => state switch
    {
        _ when state.Checkpoints.ContainsKey(StageNames.Render) => (VersionRenderStatus.Completed, null),
        { Status: VideoStatus.Running, CurrentStage: StageNames.Render } => (VersionRenderStatus.Rendering, null),
        { Failure: { Stage: StageNames.Render } failure } => (VersionRenderStatus.Failed, failure.Message),
        _ => (VersionRenderStatus.Pending, null),
    };
}
