using System.Text.Json;
using System.Text.Json.Nodes;
using Highlights.Grains.State;

namespace Highlights.UnitTests.State;

/// <summary>Edited EDL versions in the video's state: only a completed video takes one, and each render moves forward only.</summary>
public sealed class EdlVersionStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly JsonElement Edl = JsonDocument.Parse("""{"version":1,"segments":[]}""").RootElement;

    private static VideoState Completed() =>
        VideoState.Create("v", new VideoSource("/x.mp4", 1, "ab"), new ProcessingOptions(), T0).BeginRun(T0).Complete([], T0);

    [Fact]
    public void Versions_count_on_from_the_machines_version_1_each_pending_its_render()
    {
        var state = Completed().AddEdlVersion(Edl, 3, 12.5, "acme", T0).AddEdlVersion(Edl, 2, 8, "acme", T0.AddMinutes(1));

        Assert.Equal([2, 3], state.EdlVersions.Select(v => v.Number));
        Assert.Equal(4, state.NextEdlVersion);
        Assert.All(state.EdlVersions, v => Assert.Equal(VersionRenderStatus.Pending, v.Render.Status));
        Assert.Equal((3, 12.5, "acme"), (state.EdlVersionOf(2)!.Segments, state.EdlVersionOf(2)!.DurationSeconds, state.EdlVersionOf(2)!.CreatedBy));
        Assert.Null(state.EdlVersionOf(1));
    }

    [Fact]
    public void A_video_that_is_not_completed_takes_no_edit()
    {
        var running = VideoState.Create("v", new VideoSource("/x.mp4", 1, "ab"), new ProcessingOptions(), T0).BeginRun(T0);

        Assert.Throws<IllegalTransitionException>(() => running.AddEdlVersion(Edl, 1, 1, "acme", T0));
    }

    [Fact]
    public void A_render_goes_pending_rendering_completed_and_a_render_left_rendering_may_begin_again()
    {
        var state = Completed().AddEdlVersion(Edl, 1, 1, "acme", T0).BeginVersionRender(2, T0);

        Assert.Equal(VersionRenderStatus.Rendering, state.BeginVersionRender(2, T0).EdlVersionOf(2)!.Render.Status);
        var done = state.CompleteVersionRender(2, "v2/highlights.mp4", 1.04, T0).EdlVersionOf(2)!.Render;
        Assert.Equal(new VersionRender(VersionRenderStatus.Completed, null, "v2/highlights.mp4", 1.04), done);
        Assert.Equal(new VersionRender(VersionRenderStatus.Failed, "ffmpeg exited 1"), state.FailVersionRender(2, "ffmpeg exited 1", T0).EdlVersionOf(2)!.Render);
    }

    [Fact]
    public void A_render_that_has_not_begun_or_has_ended_cannot_complete_fail_or_begin_again()
    {
        var pending = Completed().AddEdlVersion(Edl, 1, 1, "acme", T0);
        var completed = pending.BeginVersionRender(2, T0).CompleteVersionRender(2, "v2/highlights.mp4", 1, T0);

        Assert.Throws<IllegalTransitionException>(() => pending.CompleteVersionRender(2, "v2/highlights.mp4", 1, T0));
        Assert.Throws<IllegalTransitionException>(() => pending.FailVersionRender(2, "no", T0));
        Assert.Throws<IllegalTransitionException>(() => completed.BeginVersionRender(2, T0));
        Assert.Throws<IllegalTransitionException>(() => completed.FailVersionRender(2, "no", T0));
        Assert.Throws<IllegalTransitionException>(() => pending.BeginVersionRender(1, T0));
    }

    [Fact]
    public void State_written_before_versions_existed_loads_with_none_and_a_saved_version_reads_back()
    {
        var withVersion = Completed().AddEdlVersion(Edl, 1, 2, "acme", T0);
        var json = JsonSerializer.SerializeToNode(withVersion, StateJson.Options)!.AsObject();
        var roundTrip = JsonSerializer.Deserialize<VideoState>(json.ToJsonString(), StateJson.Options)!;
        json.Remove("edl_versions");
        var old = JsonSerializer.Deserialize<VideoState>(json.ToJsonString(), StateJson.Options)!;

        Assert.Empty(old.EdlVersions);
        Assert.Equal(2, old.NextEdlVersion);
        var version = Assert.Single(roundTrip.EdlVersions);
        Assert.Equal((2, "acme", VersionRenderStatus.Pending), (version.Number, version.CreatedBy, version.Render.Status));
        Assert.Equal(Edl.GetRawText(), version.Edl.GetRawText());
    }

    [Fact]
    public void A_status_snapshot_leaves_the_versions_edls_behind_but_keeps_their_entries()
    {
        var light = Completed().AddEdlVersion(Edl, 4, 2, "acme", T0).WithoutResults();

        Assert.Equal(JsonValueKind.Null, light.EdlVersions[0].Edl.ValueKind);
        Assert.Equal(4, light.EdlVersions[0].Segments);
    }
}
