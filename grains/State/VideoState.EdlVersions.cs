using System.Text.Json;

namespace Highlights.Grains.State;

/// <summary>The guarded transitions of a video's edited EDL versions and their renders.</summary>
public sealed partial record VideoState
{
    /// <summary>The machine's EDL, the EDL stage's checkpoint; edited versions count on from it.</summary>
    public const int MachineVersion = 1;

    /// <summary>Number the next edited version will take.</summary>
    public int NextEdlVersion => MachineVersion + EdlVersions.Count + 1;

    public EdlVersion? EdlVersionOf(int number) => EdlVersions.Find(v => v.Number == number);

    /// <summary>
    /// Saves an edited EDL as the next version, its reel still to render. Only a completed video has an EDL to edit;
    /// version 1 is never replaced.
    /// </summary>
    public VideoState AddEdlVersion(JsonElement edl, int segments, double durationSeconds, string createdBy, DateTimeOffset now)
    {
        if (Status != VideoStatus.Completed)
        {
            throw new IllegalTransitionException($"video {VideoId} cannot take an edited EDL while {Status}");
        }

        var version = new EdlVersion(NextEdlVersion, now, createdBy, edl.Clone(), segments, durationSeconds, new VersionRender(VersionRenderStatus.Pending));
        return this with { EdlVersions = EdlVersions.Add(version), UpdatedAt = now };
    }

    /// <summary>Starts a version's render; one left rendering by a host that stopped starts again.</summary>
    public VideoState BeginVersionRender(int number, DateTimeOffset now) =>
        WithRender(number, VersionRenderStatus.Pending, VersionRenderStatus.Rendering, new VersionRender(VersionRenderStatus.Rendering), now);

    public VideoState CompleteVersionRender(int number, string fileName, double durationSeconds, DateTimeOffset now) =>
        WithRender(number, VersionRenderStatus.Rendering, VersionRenderStatus.Rendering, new VersionRender(VersionRenderStatus.Completed, null, fileName, durationSeconds), now);

    public VideoState FailVersionRender(int number, string error, DateTimeOffset now) =>
        WithRender(number, VersionRenderStatus.Rendering, VersionRenderStatus.Rendering, new VersionRender(VersionRenderStatus.Failed, error), now);

    private VideoState WithRender(int number, VersionRenderStatus from, VersionRenderStatus alsoFrom, VersionRender next, DateTimeOffset now)
    {
        var index = EdlVersions.FindIndex(v => v.Number == number);
        if (index < 0)
        {
            throw new IllegalTransitionException($"video {VideoId} has no EDL version {number}");
        }

        var version = EdlVersions[index];
        if (version.Render.Status != from && version.Render.Status != alsoFrom)
        {
            throw new IllegalTransitionException($"video {VideoId}: the render of EDL version {number} cannot become {next.Status} while {version.Render.Status}");
        }

        return this with { EdlVersions = EdlVersions.SetItem(index, version with { Render = next }), UpdatedAt = now };
    }
}
