using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Render;
using Highlights.Grains.State;

namespace Highlights.UnitTests.State;

public sealed class ReelChoicesTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Asking_for_nothing_keeps_the_identity_a_plain_run_always_had()
    {
        var plain = new ProcessingOptions { TargetSeconds = 60 };

        Assert.Null(new ReelChoices().OrNullWhenEmpty());
        Assert.Equal(VideoId.For(Sha, plain), VideoId.For(Sha, plain with { Reel = new ReelChoices().OrNullWhenEmpty() }));
    }

    [Fact]
    public void Each_choice_makes_another_video()
    {
        var plain = new ProcessingOptions { TargetSeconds = 60 };
        ReelChoices[] choices =
        [
            new() { Framing = ReelFraming.Vertical }, new() { Framing = ReelFraming.Square }, new() { LoudnessLufs = -23 },
            new() { CrossfadeMs = 300 }, new() { BurnCaptions = true },
        ];

        var ids = choices.Select(c => VideoId.For(Sha, plain with { Reel = c })).Append(VideoId.For(Sha, plain)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Unset_choices_take_the_render_options()
    {
        var options = new RenderOptions { Framing = ReelFraming.Square, LoudnessTarget = -14, Crossfade = TimeSpan.FromMilliseconds(250), BurnCaptions = true };

        Assert.Equal(new ReelPlan(ReelFraming.Square, -14, TimeSpan.FromMilliseconds(250), true), ReelPlan.Resolve(null, options));
        Assert.Equal(
            new ReelPlan(ReelFraming.Vertical, -23, TimeSpan.Zero, false),
            ReelPlan.Resolve(new ReelChoices { Framing = ReelFraming.Vertical, LoudnessLufs = -23, CrossfadeMs = 0, BurnCaptions = false }, options));
    }
}
