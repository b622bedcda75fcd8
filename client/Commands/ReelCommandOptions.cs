using System.CommandLine;
using Highlights.Grains.Edl;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary><c>--framing</c>, <c>--loudness</c>, <c>--crossfade</c> and <c>--burn-captions</c>: how the reel looks and sounds.</summary>
public sealed class ReelCommandOptions
{
    public Option<string?> Framing { get; } = new("--framing")
    {
        Description = "Picture shape: source (16:9 as shot), vertical (9:16) or square (1:1), cropped to follow faces (default Render:Framing)",
    };

    public Option<double?> Loudness { get; } = new("--loudness")
    {
        Description = "Integrated loudness target in LUFS: -16 (default Render:LoudnessTarget), -14 or -23",
    };

    public Option<int?> Crossfade { get; } = new Option<int?>("--crossfade")
    {
        Description = "Crossfade between segments in milliseconds, picture and sound; 0 cuts (default Render:Crossfade)",
    }.Reject(ms => ms is < 0 or > 5000, "--crossfade must be 0 to 5000 milliseconds");

    public Option<bool?> BurnCaptions { get; } = new("--burn-captions")
    {
        Description = "Burn word-timed captions from the transcript into the picture (default Render:BurnCaptions, off)",
    };

    public ReelCommandOptions()
    {
        Framing.AcceptOnlyFromAmong([.. ReelFramingNames.All]);
        Loudness.Reject(lufs => lufs is not (-14 or -16 or -23), "--loudness must be -16, -14 or -23 (LUFS)");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Framing);
        command.Options.Add(Loudness);
        command.Options.Add(Crossfade);
        command.Options.Add(BurnCaptions);
    }

    public ProcessingOptions Apply(ParseResult parse, ProcessingOptions options) => options with
    {
        Reel = new ReelChoices
        {
            Framing = ReelFramingNames.Parse(parse.GetValue(Framing)),
            LoudnessLufs = parse.GetValue(Loudness),
            CrossfadeMs = parse.GetValue(Crossfade),
            BurnCaptions = parse.GetValue(BurnCaptions),
        }.OrNullWhenEmpty(),
    };
}
