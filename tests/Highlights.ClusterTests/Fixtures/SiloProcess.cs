using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// The real <c>highlights silo</c> as a child process, an Orleans silo of the cluster in the test's database, with a
/// short resume reminder so a killed silo's videos come back within seconds. Output is kept for the failure message.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process, Uri address, int siloPort)
    {
        this.process = process;
        Address = address;
        SiloPort = siloPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Its Orleans silo port: a video view's <c>silo</c> names it.</summary>
    public int SiloPort { get; }

    /// <summary>Whether the <c>silo</c> of a video view is this process.</summary>
    public bool Holds(string? silo) => silo is not null && silo.Contains($":{SiloPort}:", StringComparison.Ordinal);

    public int ProcessId => process.Id;

    /// <summary>An API client of this silo with <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static SiloProcess Start(string db, string stateDirectory, int workers, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Highlights.Silo.Hosting.LoopbackPort.Free();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CliAssembly, "silo", "--db", db, "--workers", $"{workers}", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HIGHLIGHTS_STATE__DIRECTORY"] = stateDirectory;
        info.Environment["HIGHLIGHTS_PROMPTS__DIRECTORY"] = Prompts;
        var siloPort = Highlights.Silo.Hosting.LoopbackPort.Free();
        info.Environment["HIGHLIGHTS_CLUSTER__SILOPORT"] = $"{siloPort}";
        info.Environment["HIGHLIGHTS_CLUSTER__RESUMEINTERVAL"] = "00:00:02";

        // A killed silo is voted dead in about two seconds, not the default's six or so: the tests kill many.
        info.Environment["HIGHLIGHTS_CLUSTER__PROBETIMEOUT"] = "00:00:01";
        info.Environment["HIGHLIGHTS_CLUSTER__MISSEDPROBESLIMIT"] = "2";

        // The worker opens only files under the allowed roots; the fixtures' media live in temp folders.
        info.Environment["HIGHLIGHTS_ALLOWEDROOTS__0"] = Path.GetTempPath();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new SiloProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"), siloPort);
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (migrated, database reachable).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"silo exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the request's timeout.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"silo never became ready:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "highlights.dll");

    public static string Prompts => Path.Combine(RepoRoot.Path, "prompts");
}
