namespace Highlights.IntegrationTests.Fixtures;

/// <summary>
/// Short generated videos for the signals tests, made once per test class:
/// the astronaut portrait (../shared/samples/astronaut.png, a smiling face) as a still clip, a lavfi test pattern,
/// a calm-then-exciting clip, a clip without audio and a frozen picture with sound.
/// </summary>
public sealed class SignalVideosFixture : IAsyncLifetime
{
    /// <summary>Where the exciting part of <see cref="CalmThenExciting"/> starts and ends, and where its noise burst starts.</summary>
    public const double ExcitingFrom = 10, ExcitingTo = 20, BurstAt = 11;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-signals-");

    public string Root => directory.FullName;

    public string Astronaut => Path.Combine(Root, "astronaut.mp4");

    public string TestPattern => Path.Combine(Root, "pattern.mp4");

    public string CalmThenExciting => Path.Combine(Root, "calm-then-exciting.mp4");

    public string NoAudio => Path.Combine(Root, "no-audio.mp4");

    public string Frozen => Path.Combine(Root, "frozen.mp4");

    public static string AstronautImage => Path.Combine(RepoPaths.Shared, "samples", "astronaut.png");

    public async Task InitializeAsync()
    {
        string[] x264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];

        // The portrait, 360 px tall in a 640x360 frame: its face is about 32 px tall at the analysed 320x180.
        await Ffmpeg.RunAsync(
            ["-loop", "1", "-framerate", "25", "-i", AstronautImage, "-vf", "scale=-2:360,pad=640:360:(ow-iw)/2:0", "-t", "3", .. x264, Astronaut]);
        await Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=3", .. x264, TestPattern]);

        // 0-10 s: a still grey frame over a quiet low tone. 10-20 s: the portrait swinging across the frame, and
        // from 11 s a loud white-noise burst (a crowd-like roar) over the tone.
        await Ffmpeg.RunAsync(
        [
            "-f", "lavfi", "-i", "color=c=0x404040:s=640x360:r=25:d=20",
            "-loop", "1", "-framerate", "25", "-i", AstronautImage,
            "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000:duration=20",
            "-f", "lavfi", "-i", "anoisesrc=color=white:amplitude=0.6:sample_rate=48000:duration=7",
            "-filter_complex",
            "[1:v]scale=-2:360[face];[0:v][face]overlay=x='140+100*sin(2*PI*t/3)':y=0:enable='gte(t,10)':shortest=1[v];"
            + "[2:a]volume=0.02[bed];[3:a]adelay=11000:all=1[burst];[bed][burst]amix=inputs=2:normalize=0:duration=first[a]",
            "-map", "[v]", "-map", "[a]", .. x264, "-c:a", "aac", "-t", "20", CalmThenExciting,
        ]);
        await Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6", .. x264, NoAudio]);
        await Ffmpeg.RunAsync(
        [
            "-loop", "1", "-framerate", "25", "-i", AstronautImage, "-f", "lavfi", "-i", "sine=frequency=330:duration=6",
            "-vf", "scale=-2:360,pad=640:360:(ow-iw)/2:0", "-t", "6", .. x264, "-c:a", "aac", Frozen,
        ]);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, $"{name}-{Guid.NewGuid():N}")).FullName;
}

[CollectionDefinition(Name)]
public sealed class SignalVideosCollection : ICollectionFixture<SignalVideosFixture>
{
    public const string Name = "signal videos";
}
