using Highlights.Grains.Transcription;
using Highlights.Silo.Transcription;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Whisper;

public sealed class WhisperModelFileTests
{
    [Fact]
    public void A_complete_model_is_summarised_from_its_headers()
    {
        var summary = Walk(new ModelFileBuilder().Build(tensors: 2));

        Assert.Equal(new WhisperModelSummary(51864, 4, 4, 80, 2), summary);
        Assert.Equal((false, 50256), (summary.IsMultilingual, summary.EndOfText));
    }

    [Fact]
    public void A_multilingual_vocabulary_moves_the_end_of_text_token_past_the_language_tokens()
    {
        var summary = new WhisperModelSummary(51866, 32, 32, 128, 1);

        Assert.Equal((true, 50257), (summary.IsMultilingual, summary.EndOfText));
    }

    [Fact]
    public void A_model_that_ends_after_its_vocabulary_is_a_weightless_test_model()
    {
        Assert.Equal(0, Walk(new ModelFileBuilder().Build(tensors: 0)).Tensors);
    }

    [Fact]
    public void A_model_cut_inside_any_section_is_refused_with_where_it_ends()
    {
        var builder = new ModelFileBuilder();
        var whole = builder.Build(tensors: 2);

        foreach (var length in Enumerable.Range(0, whole.Length).Except(builder.Boundaries))
        {
            var error = Assert.Throws<InvalidDataException>(() => Walk(whole[..length]));
            Assert.Contains($"file ends at byte {length}", error.Message);
        }
    }

    [Fact]
    public void A_model_cut_between_tensors_reads_as_fewer_tensors()
    {
        var builder = new ModelFileBuilder();
        var whole = builder.Build(tensors: 2);

        Assert.Equal([0, 1, 2], builder.Boundaries.Select(length => Walk(whole[..length]).Tensors));
    }

    [Fact]
    public void A_file_that_is_not_a_ggml_model_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Walk(new ModelFileBuilder { Magic = 0x46464952 }.Build(tensors: 1)));

        Assert.Contains("bad magic", error.Message);
    }

    [Fact]
    public void More_tensor_dimensions_than_whisper_cpp_has_room_for_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Walk(new ModelFileBuilder { DimensionCount = 5 }.Build(tensors: 1)));

        Assert.Contains("tensor dimension count 5", error.Message);
    }

    [Fact]
    public void An_absurd_buffer_size_is_refused_before_whisper_cpp_would_allocate_it()
    {
        var error = Assert.Throws<InvalidDataException>(() => Walk(new ModelFileBuilder { MelFilterCount = int.MaxValue }.Build(tensors: 1)));

        Assert.Contains("mel filter count", error.Message);
    }

    [Fact]
    public void An_unknown_tensor_type_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Walk(new ModelFileBuilder { TensorType = 99 }.Build(tensors: 1)));

        Assert.Contains("unknown tensor type 99", error.Message);
    }

    [Fact]
    public void Checking_a_damaged_file_names_it_and_says_to_download_it_again()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "ggml-cut.bin");
        File.WriteAllBytes(path, new ModelFileBuilder().Build(tensors: 2)[..^10]);

        var error = Assert.Throws<TranscriberUnavailableException>(() => WhisperModelFile.Check(path));

        Assert.Contains($"Whisper model {path}: file ends at byte", error.Message);
        Assert.Contains("download it again", error.Message);
    }

    [Fact]
    public void Checking_a_missing_file_says_so()
    {
        var error = Assert.Throws<TranscriberUnavailableException>(() => WhisperModelFile.Check("/nonexistent/ggml-base.en.bin"));

        Assert.Contains("/nonexistent/ggml-base.en.bin: file not found", error.Message);
    }

    private static WhisperModelSummary Walk(byte[] bytes) => WhisperModelFile.Walk(new WhisperModelFile.Reader(new MemoryStream(bytes)));
}
