using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Render;
using Highlights.Grains.State;
using Highlights.UnitTests.Edl;

namespace Highlights.UnitTests.Actor;

public sealed class EdlVersionListTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly EdlDocument Machine = EdlTransitionsTests.Edl((0, 100), (200, 300)) with { ReelDuration = 8 };

    private static VideoState Running() => VideoState.Create("v", new VideoSource("/m/talk.mp4", 1, "ab"), new ProcessingOptions(), T0).BeginRun(T0);

    private static VideoState Done(VideoState state, string stage, object result, DateTimeOffset at) =>
        state.EnterStage(stage, at).CompleteStage(stage, 1, JsonSerializer.SerializeToElement(result, StateJson.Options), TimeSpan.Zero, at);

    [Fact]
    public void A_video_without_an_edl_has_no_versions()
    {
        Assert.Empty(EdlVersionList.Of(Running()));
        Assert.Null(EdlVersionList.EdlOf(Running(), 1));
    }

    [Fact]
    public void Version_1_is_the_machines_edl_rendering_while_the_render_stage_runs_then_the_edits_follow()
    {
        var withEdl = Done(Running(), StageNames.Edl, Machine, T0.AddMinutes(1));
        var rendering = withEdl.EnterStage(StageNames.Render, T0);
        var completed = Done(withEdl, StageNames.Render, new RenderResult("highlights.mp4", 8, 1000), T0).Complete([], T0)
            .AddEdlVersion(JsonDocument.Parse("""{"edited":true}""").RootElement, 1, 2.5, "acme", T0.AddMinutes(5));

        Assert.Equal(VersionRenderStatus.Rendering, EdlVersionList.Of(rendering).Single().RenderStatus);
        var versions = EdlVersionList.Of(completed);
        Assert.Equal(
            new EdlVersionInfo(1, T0.AddMinutes(1), "machine", 2, 8, VersionRenderStatus.Completed, null, "highlights.mp4"),
            versions[0]);
        Assert.Equal(new EdlVersionInfo(2, T0.AddMinutes(5), "acme", 1, 2.5, VersionRenderStatus.Pending, null, null), versions[1]);
        Assert.Equal("""{"edited":true}""", EdlVersionList.EdlOf(completed, 2));
        Assert.Contains("\"segments\"", EdlVersionList.EdlOf(completed, 1), StringComparison.Ordinal);
        Assert.Null(EdlVersionList.EdlOf(completed, 3));
    }

    [Fact]
    public void A_video_that_failed_in_the_render_stage_shows_version_1s_render_failed_with_the_reason()
    {
        var failed = Done(Running(), StageNames.Edl, Machine, T0).EnterStage(StageNames.Render, T0).Fail(FailureKind.Error, "ffmpeg exited 1", T0);

        var machine = EdlVersionList.Of(failed).Single();

        Assert.Equal((VersionRenderStatus.Failed, "ffmpeg exited 1"), (machine.RenderStatus, machine.RenderError));
    }
}
