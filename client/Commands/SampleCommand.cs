using System.CommandLine;
using Highlights.Cli.Demo;
using Highlights.Grains.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights sample FILE</c>: a generated talk of any length with SRT captions, for trying the tool and for benchmarks.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the sample .mp4 (captions go beside it as .srt)" };
        var minutes = Positive(new Option<double>("--minutes") { Description = "Length in minutes (the demo talk, looped)", DefaultValueFactory = _ => 1 }, "minutes");
        var width = Positive(new Option<int>("--width") { Description = "Picture width", DefaultValueFactory = _ => 1280 }, "pixels");
        var height = Positive(new Option<int>("--height") { Description = "Picture height", DefaultValueFactory = _ => 720 }, "pixels");
        var fps = Positive(new Option<int>("--fps") { Description = "Frames per second", DefaultValueFactory = _ => 30 }, "frames per second");
        var command = new Command("sample", "Generate a talk-like sample video (speech, captions, crowd noise) of a given length")
        {
            file, minutes, width, height, fps,
        };
        command.SetAction((parse, cancellationToken) => EmbeddedCommand.RunAsync(
            verbose: false,
            async (services, ct) =>
            {
                var path = Path.GetFullPath(parse.GetValue(file)!);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var spec = new SampleVideoSpec(parse.GetValue(width), parse.GetValue(height), parse.GetValue(fps), DemoScript.Load());
                var sample = await new SampleVideoGenerator(services.GetRequiredService<IMediaTool>())
                    .GenerateLoopedAsync(spec, path, parse.GetValue(minutes) * 60, ct);
                Console.WriteLine($"video:    {sample.VideoPath} ({sample.DurationSeconds:0.0}s)");
                Console.WriteLine($"captions: {sample.CaptionsPath} ({sample.Lines.Count} cues)");
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    /// <summary>A zero-length or zero-sized sample is never what was meant; say so before ffmpeg makes one.</summary>
    private static Option<T> Positive<T>(Option<T> option, string unit)
        where T : struct, System.Numerics.INumber<T>
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<T>() <= T.Zero)
            {
                r.AddError($"{option.Name} must be a positive number of {unit}");
            }
        });
        return option;
    }
}
