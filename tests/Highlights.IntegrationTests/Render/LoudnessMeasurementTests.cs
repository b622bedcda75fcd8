using System.Globalization;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

/// <summary>
/// The loudness stage's one-pass measurement against the EBU's own conformance cases (Tech 3341 for integrated loudness,
/// Tech 3342 for loudness range): stereo 1 kHz sines whose level steps, where a stereo sine of peak amplitude 10^(L/20)
/// is L LUFS. The gated cases fail if the relative or absolute gate is wrong. (loudnorm's own first pass misses
/// stepped signals by up to 0.8 LU, which is why it no longer measures.)
/// </summary>
public sealed class LoudnessMeasurementTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-measure-");

    public void Dispose() => directory.Delete(recursive: true);

    /// <summary>
    /// The threshold is the relative gate: 10 LU under the mean power of the blocks above the absolute gate (-70 LUFS),
    /// so -34.18 where a -36 LUFS fifth of them pulls the mean down, and unchanged by -72 LUFS blocks.
    /// </summary>
    public static TheoryData<string, (double Lufs, double Seconds)[], double, double> IntegratedCases => new()
    {
        { "3341 case 1", [(-23, 20)], -23, -33 },
        { "3341 case 3: relative gate", [(-36, 10), (-23, 60), (-36, 10)], -23, -34.18 },
        { "3341 case 4: absolute gate", [(-72, 10), (-36, 10), (-23, 60), (-36, 10), (-72, 10)], -23, -34.18 },
        { "3341 case 5", [(-26, 20), (-20, 20.1), (-26, 20)], -23, -33 },
    };

    [Theory]
    [MemberData(nameof(IntegratedCases))]
    public async Task Integrated_loudness_meets_tech_3341(string name, (double Lufs, double Seconds)[] steps, double expected, double threshold)
    {
        var measured = await MeasureAsync(name, steps);

        Assert.InRange(measured.IntegratedLufs, expected - 0.1, expected + 0.1);
        Assert.InRange(measured.ThresholdLufs, threshold - 0.1, threshold + 0.1);
    }

    [Theory]
    [InlineData(-20, -30, 10)]
    [InlineData(-20, -15, 5)]
    public async Task Loudness_range_meets_tech_3342(double first, double second, double expected)
    {
        var measured = await MeasureAsync($"3342 {first} {second}", [(first, 20), (second, 20)]);

        Assert.InRange(measured.RangeLu, expected - 1, expected + 1);
    }

    [Fact]
    public async Task The_true_peak_of_a_sine_is_its_amplitude()
    {
        var measured = await MeasureAsync("peak", [(-12, 5)]);

        Assert.InRange(measured.TruePeakDbtp, -12.2, -11.8);
    }

    [Fact]
    public async Task Silence_is_no_measurement()
    {
        var source = Path.Combine(directory.FullName, "silence.wav");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "anullsrc=sample_rate=48000:duration=3", source);
        var media = await Ffmpeg.ProbeAsync(source);

        Assert.Null(await Ffmpeg.Tool.MeasureLoudnessAsync(source, media.Audio!.Index, media.DurationSeconds, null, CancellationToken.None));
    }

    private async Task<Grains.Edl.LoudnessMeasurement> MeasureAsync(string name, (double Lufs, double Seconds)[] steps)
    {
        var source = Path.Combine(directory.FullName, $"{Guid.NewGuid():N}.wav");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", SteppedSine(steps), "-c:a", "pcm_f32le", source);
        var media = await Ffmpeg.ProbeAsync(source);
        var measured = await Ffmpeg.Tool.MeasureLoudnessAsync(source, media.Audio!.Index, media.DurationSeconds, null, CancellationToken.None);
        return measured ?? throw new Xunit.Sdk.XunitException($"{name}: no measurement");
    }

    /// <summary>An aevalsrc stereo 1 kHz sine whose amplitude steps per sample, so each level starts exactly on time.</summary>
    private static string SteppedSine((double Lufs, double Seconds)[] steps)
    {
        var amplitude = Amplitude(steps[^1].Lufs);
        var end = steps.Sum(s => s.Seconds);
        for (var i = steps.Length - 2; i >= 0; i--)
        {
            var until = steps.Take(i + 1).Sum(s => s.Seconds);
            amplitude = string.Create(CultureInfo.InvariantCulture, $"if(lt(t\\,{until})\\,{Amplitude(steps[i].Lufs)}\\,{amplitude})");
        }

        var channel = $"{amplitude}*sin(2*PI*1000*t)";
        return string.Create(CultureInfo.InvariantCulture, $"aevalsrc={channel}|{channel}:s=48000:d={end}");
    }

    private static string Amplitude(double lufs) => Math.Pow(10, lufs / 20).ToString("0.##########", CultureInfo.InvariantCulture);
}
