using Highlights.Grains.Processes;

namespace Highlights.UnitTests.Processes;

/// <summary>Runs real child processes through /bin/sh.</summary>
public sealed class ProcessRunnerTests
{
    // Generous upper bound so a hung child fails the test instead of hanging the run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static ProcessCommand Sh(string script, params string[] arguments) => ProcessCommand.Of("sh", ["-c", script, "sh", .. arguments]);

    [Fact]
    public async Task A_successful_command_returns_exit_code_zero_and_captured_output()
    {
        var result = await ProcessRunner.RunAsync(Sh("printf 'one\\ntwo\\n'; echo note >&2"), new ProcessRunOptions { CaptureOutput = true }, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("one\ntwo\n", result.StandardOutput);
        Assert.Equal("note", result.StandardErrorTail);
    }

    [Fact]
    public async Task Output_is_not_kept_unless_asked_for()
    {
        var result = await ProcessRunner.RunAsync(Sh("echo hello"), new ProcessRunOptions(), CancellationToken.None);

        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Each_stdout_line_is_delivered_to_the_callback_in_order()
    {
        var lines = new List<string>();
        var options = new ProcessRunOptions { OnOutputLine = lines.Add };

        await ProcessRunner.RunAsync(Sh("for i in 1 2 3; do echo \"frame=$i\"; done; echo progress=end"), options, CancellationToken.None);

        Assert.Equal(["frame=1", "frame=2", "frame=3", "progress=end"], lines);
    }

    [Fact]
    public async Task Arguments_reach_the_child_verbatim_without_a_shell_in_between()
    {
        var result = await ProcessRunner.RunAsync(
            Sh("printf '%s|' \"$@\"", "a b", "it's", "$HOME", ""),
            new ProcessRunOptions { CaptureOutput = true },
            CancellationToken.None);

        Assert.Equal("a b|it's|$HOME||" + Environment.NewLine, result.StandardOutput);
    }

    [Fact]
    public async Task A_throwing_output_callback_fails_the_run_instead_of_hanging_a_chatty_child()
    {
        var options = new ProcessRunOptions { OnOutputLine = _ => throw new InvalidOperationException("observer broke") };

        // 200k lines overflow the pipe buffer: the child blocks for good unless stdout keeps being drained.
        var run = ProcessRunner.RunAsync(Sh("seq 1 200000"), options, CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => run.WaitAsync(Guard, CancellationToken.None));
        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public async Task A_non_zero_exit_throws_with_the_exit_code_and_the_stderr_tail()
    {
        var command = Sh("echo boom >&2; exit 3");

        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None));

        Assert.Equal(3, error.ExitCode);
        Assert.Equal("boom", error.StandardErrorTail);
        Assert.Equal("sh exited with code 3: boom", error.Message);
        Assert.Same(command, error.Command);
    }

    [Fact]
    public async Task The_stderr_tail_keeps_only_the_last_lines()
    {
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => ProcessRunner.RunAsync(
            Sh("for i in 1 2 3 4 5; do echo \"e$i\" >&2; done; exit 1"),
            new ProcessRunOptions { ErrorTailLines = 2 },
            CancellationToken.None));

        Assert.Equal("e4\ne5", error.StandardErrorTail);
    }

    [Fact]
    public async Task A_failure_without_stderr_says_so()
    {
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => ProcessRunner.RunAsync(Sh("exit 7"), new ProcessRunOptions(), CancellationToken.None));

        Assert.Equal("sh exited with code 7: (no output on stderr)", error.Message);
    }

    [Fact]
    public async Task A_missing_executable_throws_tool_not_found()
    {
        var command = ProcessCommand.Of("/nonexistent/highlights-no-such-tool", "--version");

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() => ProcessRunner.RunAsync(command, new ProcessRunOptions(), CancellationToken.None));

        Assert.Contains("/nonexistent/highlights-no-such-tool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_without_starting_anything()
    {
        var started = false;
        var options = new ProcessRunOptions { OnOutputLine = _ => started = true };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(Sh("echo started"), options, new CancellationToken(canceled: true)));

        Assert.False(started);
    }

    [Fact]
    public async Task Cancelling_stops_a_running_child_with_sigterm_and_throws_operation_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var pid = 0;
        var options = new ProcessRunOptions
        {
            // A long grace period: only a child that obeys SIGTERM lets the call return within the guard.
            GracefulStop = TimeSpan.FromMinutes(5),
            OnOutputLine = line =>
            {
                pid = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
                cts.Cancel();
            },
        };

        var run = ProcessRunner.RunAsync(Sh("echo $$; exec sleep 30"), options, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard, CancellationToken.None));
        Assert.NotEqual(0, pid);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"child {pid} is still running");
    }

    [Fact]
    public async Task A_child_ignoring_sigterm_is_killed_after_the_grace_period()
    {
        using var cts = new CancellationTokenSource();
        var pid = 0;
        var options = new ProcessRunOptions
        {
            GracefulStop = TimeSpan.FromMilliseconds(200),
            OnOutputLine = line =>
            {
                pid = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
                cts.Cancel();
            },
        };

        var run = ProcessRunner.RunAsync(Sh("trap '' TERM; echo $$; exec sleep 30"), options, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard, CancellationToken.None));
        Assert.False(Directory.Exists($"/proc/{pid}"), $"child {pid} is still running");
    }
}
