using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>What a cancel or retry request does to a video, from its status and whether a run of it is going on. Pure.</summary>
public enum ControlAction
{
    /// <summary>Nothing to do in this state (answered 409).</summary>
    Refused,

    /// <summary>Already as asked; nothing changes.</summary>
    AlreadyDone,

    /// <summary>Nothing runs it: change the state now.</summary>
    Apply,

    /// <summary>A run is going on: it stops at its next cancellation check.</summary>
    Request,
}

public static class ControlDecision
{
    public static ControlAction Cancel(VideoStatus status, bool queued, bool running) => (status, queued, running) switch
    {
        (VideoStatus.Completed, _, _) => ControlAction.Refused,
        (_, _, true) => ControlAction.Request,
        (VideoStatus.Cancelled, false, false) => ControlAction.AlreadyDone,
        (VideoStatus.Failed, false, false) => ControlAction.Refused,
        _ => ControlAction.Apply,
    };

    public static ControlAction Retry(VideoStatus status, bool queued, bool running) => (status, queued, running) switch
    {
        (VideoStatus.Completed, _, _) => ControlAction.Refused,
        (_, _, true) => ControlAction.Refused,
        (VideoStatus.Pending, true, false) => ControlAction.AlreadyDone,
        _ => ControlAction.Apply,
    };
}
