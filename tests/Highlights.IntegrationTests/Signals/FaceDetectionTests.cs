using Highlights.Grains.Media;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Faces;
using Highlights.Grains.Signals.Visual;
using Highlights.IntegrationTests.Fixtures;
using Microsoft.Extensions.Options;

namespace Highlights.IntegrationTests.Signals;

/// <summary>The real OpenCvSharp runtime with Debian's cascades, fed by real ffmpeg decoding through a pipe.</summary>
[Collection(SignalVideosCollection.Name)]
public sealed class FaceDetectionTests(SignalVideosFixture videos)
{
    private static readonly SignalsOptions Settings = new();

    private static async Task<VisualFrames> AnalyseAsync(string path)
    {
        var analyzer = new VisualAnalyzer(
            new FfmpegFrameSource(Options.Create(new MediaToolOptions())),
            new HaarFrameAnalyzerFactory(Options.Create(Settings)));
        var format = FrameFormat.For(640, 360, Settings.FrameWidth, Settings.FrameRate);
        return await analyzer.AnalyseAsync(path, 0, format, Settings.FaceRate, 2, 3, null, CancellationToken.None);
    }

    [Fact]
    public async Task The_astronaut_portrait_shows_a_smiling_face_in_every_face_sample()
    {
        var frames = await AnalyseAsync(videos.Astronaut);

        Assert.Equal(12, frames.Frames);
        Assert.Equal(6, frames.FaceCount.Length);
        Assert.All(frames.FaceCount, count => Assert.Equal(1f, count));
        Assert.All(frames.LargestFace, size => Assert.InRange(size, 0.12f, 0.4f));
        Assert.All(frames.Smile, smile => Assert.True(smile >= 0.5f, $"smile score {smile}"));
    }

    [Fact]
    public async Task A_test_pattern_has_no_face()
    {
        var frames = await AnalyseAsync(videos.TestPattern);

        Assert.Equal(12, frames.Frames);
        Assert.All(frames.FaceCount, count => Assert.Equal(0f, count));
        Assert.All(frames.Smile, smile => Assert.Equal(0f, smile));
    }

    [Fact]
    public void A_missing_cascade_file_fails_with_a_message_naming_it()
    {
        var factory = new HaarFrameAnalyzerFactory(Options.Create(new SignalsOptions { CascadeDirectory = "/nonexistent/cascades" }));

        var error = Assert.Throws<InvalidOperationException>(() => factory.Create());

        Assert.Contains("/nonexistent/cascades/haarcascade_frontalface_alt2.xml does not exist", error.Message);
        Assert.Contains("opencv-data", error.Message);
    }

    [Fact]
    public void A_cascade_file_opencv_cannot_read_is_an_error_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("highlights-cascades-");
        foreach (var name in new[] { HaarCascadeFiles.FrontalFile, HaarCascadeFiles.ProfileFile, HaarCascadeFiles.SmileFile })
        {
            File.Copy(Path.Combine(Settings.CascadeDirectory, name), Path.Combine(folder.FullName, name));
        }

        File.WriteAllText(Path.Combine(folder.FullName, HaarCascadeFiles.SmileFile), "<opencv_storage>cut");
        var factory = new HaarFrameAnalyzerFactory(Options.Create(new SignalsOptions { CascadeDirectory = folder.FullName }));

        var error = Assert.Throws<InvalidOperationException>(() => factory.Create());

        Assert.Contains($"cannot read the smile cascade {Path.Combine(folder.FullName, HaarCascadeFiles.SmileFile)}", error.Message);
        folder.Delete(recursive: true);
    }

    [Fact]
    public void A_frame_buffer_smaller_than_its_stated_size_is_refused_before_opencv_reads_it()
    {
        using var analyzer = new HaarFrameAnalyzerFactory(Options.Create(Settings)).Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => analyzer.FindFaces(new byte[100], 320, 180, 320));
    }
}
