using Highlights.Grains.Transcription;

namespace Highlights.UnitTests.Transcription;

public sealed class WhisperModelCatalogTests
{
    [Fact]
    public void Every_model_has_a_size_and_a_sha256_and_a_unique_name()
    {
        Assert.All(WhisperModelCatalog.All, m =>
        {
            Assert.Matches("^[0-9a-f]{64}$", m.Sha256);
            Assert.True(m.Bytes > 10_000_000, m.Name);
            Assert.Equal($"ggml-{m.Name}.bin", m.FileName);
        });
        Assert.Equal(WhisperModelCatalog.All.Count, WhisperModelCatalog.All.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void The_english_models_and_the_default_are_listed()
    {
        Assert.All(["tiny.en", "base.en", "small.en"], name => Assert.NotNull(WhisperModelCatalog.Find(name)));
        Assert.NotNull(WhisperModelCatalog.Find(new WhisperOptions().Model));
        Assert.Null(WhisperModelCatalog.Find("huge"));
    }

    [Fact]
    public void A_model_name_is_a_file_in_the_models_directory_and_anything_else_a_path()
    {
        Assert.Equal("/data/models/ggml-base.en.bin", WhisperModelLocator.PathFor("base.en", "/data/models"));
        Assert.Equal("/opt/custom.bin", WhisperModelLocator.PathFor("/opt/custom.bin", "/data/models"));
        Assert.Equal(Path.GetFullPath("mine.bin"), WhisperModelLocator.PathFor("mine.bin", "/data/models"));
    }

    [Fact]
    public void A_missing_model_names_the_file_and_the_command_that_gets_it()
    {
        var named = WhisperModelLocator.Missing("base.en", "/data/models/ggml-base.en.bin");
        var file = WhisperModelLocator.Missing("/opt/custom.bin", "/opt/custom.bin");

        Assert.Contains("/data/models/ggml-base.en.bin", named);
        Assert.Contains("./highlights models download base.en", named);
        Assert.Contains("/opt/custom.bin", file);
        Assert.Contains("base.en", file);
    }
}
