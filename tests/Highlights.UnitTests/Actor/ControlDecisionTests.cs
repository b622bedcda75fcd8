using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Actor;

public sealed class ControlDecisionTests
{
    [Theory]
    [InlineData(VideoStatus.Pending, true, false, ControlAction.Apply)]
    [InlineData(VideoStatus.Running, false, true, ControlAction.Request)]
    [InlineData(VideoStatus.Running, true, false, ControlAction.Apply)]
    [InlineData(VideoStatus.Failed, true, false, ControlAction.Apply)]
    [InlineData(VideoStatus.Failed, false, false, ControlAction.Refused)]
    [InlineData(VideoStatus.Cancelled, false, false, ControlAction.AlreadyDone)]
    [InlineData(VideoStatus.Completed, false, false, ControlAction.Refused)]
    public void Cancel(VideoStatus status, bool queued, bool leased, ControlAction expected)
    {
        Assert.Equal(expected, ControlDecision.Cancel(status, queued, leased));
    }

    [Theory]
    [InlineData(VideoStatus.Failed, false, false, ControlAction.Apply)]
    [InlineData(VideoStatus.Cancelled, false, false, ControlAction.Apply)]
    [InlineData(VideoStatus.Failed, true, false, ControlAction.Apply)]
    [InlineData(VideoStatus.Pending, true, false, ControlAction.AlreadyDone)]
    [InlineData(VideoStatus.Running, false, true, ControlAction.Refused)]
    [InlineData(VideoStatus.Completed, false, false, ControlAction.Refused)]
    public void Retry(VideoStatus status, bool queued, bool leased, ControlAction expected)
    {
        Assert.Equal(expected, ControlDecision.Retry(status, queued, leased));
    }
}
