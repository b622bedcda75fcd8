using Highlights.Grains.Llm.Prompts;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Llm;

public sealed class PromptTemplateTests
{
    private static Dictionary<string, string> AllVariables() => PromptVariables.ForRepair.ToDictionary(v => v, v => $"<{v}>");

    [Fact]
    public async Task Renders_every_variable_with_its_value()
    {
        var template = PromptTemplate.Parse("t.txt", "Video {{$title}} for {{ $audience }}: {{$chunk_text}} / {{$title}}");

        var text = await template.RenderAsync(new Dictionary<string, string> { ["title"] = "Talk", ["audience"] = "fans", ["chunk_text"] = "[00:01] hi" });

        Assert.Equal("Video Talk for fans: [00:01] hi / Talk", text);
        Assert.Equal(["title", "audience", "chunk_text"], template.Variables);
    }

    [Fact]
    public async Task Rendering_without_a_value_fails_naming_the_template_and_every_missing_variable()
    {
        var template = PromptTemplate.Parse("user.txt", "{{$title}} {{$chunk_text}} {{$signal_summary}}");

        var error = await Assert.ThrowsAsync<PromptTemplateException>(() => template.RenderAsync(new Dictionary<string, string> { ["title"] = "x" }));

        Assert.Equal("user.txt: no value for {{$chunk_text}}, {{$signal_summary}}", error.Message);
    }

    /// <summary>A transcript is spoken text: template syntax, markup and entities in it reach the model as they are.</summary>
    [Fact]
    public async Task Values_are_inserted_verbatim_and_never_expanded_again()
    {
        var template = PromptTemplate.Parse("t.txt", "{{$chunk_text}}|{{$title}}");

        var text = await template.RenderAsync(new Dictionary<string, string> { ["chunk_text"] = "say {{$title}} & <b>\"hi\"</b> &amp;", ["title"] = "T" });

        Assert.Equal("say {{$title}} & <b>\"hi\"</b> &amp;|T", text);
    }

    [Theory]
    [InlineData("{{title}}")]
    [InlineData("{{$title}")]
    [InlineData("{{ $chunk text }}")]
    [InlineData("{{$title}} and {{")]
    public void A_malformed_placeholder_is_rejected_when_the_template_is_parsed(string text)
    {
        var error = Assert.Throws<PromptTemplateException>(() => PromptTemplate.Parse("bad.txt", text));

        Assert.StartsWith("bad.txt: malformed placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prompt_set_using_an_unknown_variable_is_rejected_before_any_call()
    {
        var typo = PromptTemplate.Parse("user.txt", "{{$title}} {{$chunk_txt}}");
        var fine = PromptTemplate.Parse("system.txt", "{{$audience}}");
        var set = new PromptSet("v", fine, typo, PromptTemplate.Parse("repair.txt", "{{$problem}}"));

        var error = Assert.Throws<PromptTemplateException>(set.Checked);

        Assert.Contains("user.txt: {{$chunk_txt}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_problem_variable_belongs_to_the_repair_prompt_only()
    {
        var set = new PromptSet("v", PromptTemplate.Parse("system.txt", "{{$problem}}"), PromptTemplate.Parse("user.txt", "x"), PromptTemplate.Parse("repair.txt", "{{$problem}}"));

        Assert.Throws<PromptTemplateException>(set.Checked);
    }

    [Fact]
    public async Task The_shipped_prompts_load_and_render_with_every_variable_and_their_version()
    {
        var prompts = PromptSetFile.Load(RepoPrompts.Directory);
        var values = AllVariables();

        Assert.Equal("llm-highlights/1", prompts.Version);
        foreach (var template in new[] { prompts.System, prompts.User, prompts.Repair })
        {
            var text = await template.RenderAsync(values);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        }

        Assert.Contains("<chunk_text>", await prompts.User.RenderAsync(values), StringComparison.Ordinal);
        Assert.Contains("<signal_summary>", await prompts.User.RenderAsync(values), StringComparison.Ordinal);
        Assert.Contains("<problem>", await prompts.Repair.RenderAsync(values), StringComparison.Ordinal);
        await Assert.ThrowsAsync<PromptTemplateException>(() => prompts.User.RenderAsync(values.Where(v => v.Key != PromptVariables.ChunkText).ToDictionary()));
    }

    [Fact]
    public void A_missing_template_file_names_the_path()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, PromptSet.ManifestFileName), """{"version":"v","system":"s.txt","user":"u.txt","repair":"r.txt"}""");
        File.WriteAllText(Path.Combine(temp.Path, "s.txt"), "{{$title}}");

        var error = Assert.Throws<PromptTemplateException>(() => PromptSetFile.Load(temp.Path));

        Assert.Contains(Path.Combine(temp.Path, "u.txt"), error.Message, StringComparison.Ordinal);
    }
}
