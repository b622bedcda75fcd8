using Highlights.Grains.State;

namespace Highlights.Silo.Cluster;

/// <summary>What a cancel or retry request does to a video, from its status and whether a live silo holds it. Pure.</summary>
public enum ControlAction
{
    /// <summary>Nothing to do in this state (answered 409).</summary>
    Refused,

    /// <summary>Already as asked; nothing changes.</summary>
    AlreadyDone,

    /// <summary>No silo holds it: change the row now.</summary>
    Apply,

    /// <summary>A silo is running it: flag the request for its next heartbeat.</summary>
    Request,
}

public static class ControlDecision
{
    public static ControlAction Cancel(VideoStatus status, bool queued, bool leased) => (status, queued, leased) switch
    {
        (VideoStatus.Completed, _, _) => ControlAction.Refused,
        (_, _, true) => ControlAction.Request,
        (VideoStatus.Cancelled, false, false) => ControlAction.AlreadyDone,
        (VideoStatus.Failed, false, false) => ControlAction.Refused,
        _ => ControlAction.Apply,
    };

    public static ControlAction Retry(VideoStatus status, bool queued, bool leased) => (status, queued, leased) switch
    {
        (VideoStatus.Completed, _, _) => ControlAction.Refused,
        (_, _, true) => ControlAction.Refused,
        (VideoStatus.Pending, true, false) => ControlAction.AlreadyDone,
        _ => ControlAction.Apply,
    };
}
