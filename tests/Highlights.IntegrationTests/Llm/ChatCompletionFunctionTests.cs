using Highlights.Grains.Llm;
using Microsoft.SemanticKernel;

namespace Highlights.IntegrationTests.Llm;

/// <summary>
/// The kernel function alone, through SK's OpenAI connector against the scripted server: what it sends, what it reads
/// back, how HTTP failures map.
/// </summary>
public sealed class ChatCompletionFunctionTests
{
    private static readonly LlmRequest Request = new(
        "test-model",
        [new(LlmRole.System, "be brief"), new(LlmRole.User, "hello"), new(LlmRole.Assistant, "hi"), new(LlmRole.User, "again")],
        MaxOutputTokens: 77,
        Schema: null);

    [Fact]
    public async Task Sends_the_messages_in_order_and_reads_back_the_text_and_usage()
    {
        await using var server = await ScriptedLlmServer.StartAsync(_ => new ScriptedReply.Answer("{\"candidates\":[]}", (123, 45)));

        var reply = await CompleteAsync(Options(server.BaseUrl));

        Assert.Equal("{\"candidates\":[]}", reply.Content);
        Assert.Equal(new LlmUsage(123, 45), reply.Usage);
        var sent = Assert.Single(server.Requests);
        Assert.Equal([("system", "be brief"), ("user", "hello"), ("assistant", "hi"), ("user", "again")], sent.Messages);
        Assert.Equal(77, sent.MaxCompletionTokens);
    }

    [Fact]
    public async Task A_reply_without_usage_has_none()
    {
        await using var server = await ScriptedLlmServer.StartAsync(_ => new ScriptedReply.Answer("ok", null));

        var reply = await CompleteAsync(Options(server.BaseUrl));

        Assert.Null(reply.Usage);
    }

    [Theory]
    [InlineData(429, LlmFailureKind.RateLimited, true)]
    [InlineData(500, LlmFailureKind.ServerError, true)]
    [InlineData(503, LlmFailureKind.ServerError, true)]
    [InlineData(400, LlmFailureKind.Rejected, false)]
    [InlineData(401, LlmFailureKind.Rejected, false)]
    [InlineData(404, LlmFailureKind.Rejected, false)]
    public async Task HTTP_failures_map_to_kinds_and_only_transient_ones_are_retryable(int status, LlmFailureKind kind, bool transient)
    {
        await using var server = await ScriptedLlmServer.StartAsync(_ => new ScriptedReply.Status(status, "2"));

        var error = await Assert.ThrowsAsync<LlmCallException>(() => CompleteAsync(Options(server.BaseUrl)));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_transient_network_failure()
    {
        string deadUrl;
        await using (var server = await ScriptedLlmServer.StartAsync(_ => new ScriptedReply.Hang()))
        {
            deadUrl = server.BaseUrl;
        }

        var error = await Assert.ThrowsAsync<LlmCallException>(() => CompleteAsync(new LlmOptions { BaseUrl = deadUrl }));

        Assert.Equal(LlmFailureKind.Network, error.Kind);
    }

    [Theory]
    [InlineData("7", 7.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("Wed, 21 Oct 2015 07:28:30 GMT", 30.0)]
    public void Retry_after_reads_seconds_and_http_dates(string header, double seconds)
    {
        var now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(seconds), LlmErrors.RetryAfter(header, now));
    }

    [Fact]
    public async Task A_reply_slower_than_the_request_timeout_is_a_transient_timeout()
    {
        await using var server = await ScriptedLlmServer.StartAsync(_ => new ScriptedReply.Hang());
        var options = Options(server.BaseUrl);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);

        var error = await Assert.ThrowsAsync<LlmCallException>(() => CompleteAsync(options));

        Assert.Equal(LlmFailureKind.Timeout, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_function_invoked_without_a_request_to_cost_is_refused_by_the_budget_filter_before_any_call()
    {
        await using var server = await ScriptedLlmServer.StartAsync(_ => new ScriptedReply.Answer("ok", (1, 1)));
        var options = Options(server.BaseUrl);
        using var kernels = new LlmKernels(Microsoft.Extensions.Options.Options.Create(options));
        var kernel = kernels.For("test-model").Clone();
        kernel.FunctionInvocationFilters.Add(new LlmBudgetFilter(null!, null!, null!, null!));

        await Assert.ThrowsAsync<InvalidOperationException>(() => kernel.InvokeAsync(ChatCompletionFunction.Create(options, TimeProvider.System), new KernelArguments()));

        Assert.Empty(server.Requests);
    }

    private static LlmOptions Options(string baseUrl) => new() { BaseUrl = baseUrl, ApiKey = "test-key" };

    private static async Task<LlmReply> CompleteAsync(LlmOptions options)
    {
        using var kernels = new LlmKernels(Microsoft.Extensions.Options.Options.Create(options));
        var arguments = new KernelArguments
        {
            [ChatCompletionFunction.RequestArgument] = Request,
            [ChatCompletionFunction.AttemptArgument] = new LlmAttempt(0, "picks", 1),
        };
        var result = await kernels.For(Request.Model).InvokeAsync(ChatCompletionFunction.Create(options, TimeProvider.System), arguments);
        return result.GetValue<LlmReply>()!;
    }
}
