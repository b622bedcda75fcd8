using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// A real Prometheus (Debian's package, installed by scripts/setup.sh) on a free loopback port, with its own config and
/// storage in a temp directory, scraping one target every second; queried through its HTTP API.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Job = "highlights-silo";

    private readonly Process process;
    private readonly DirectoryInfo directory;
    private readonly HttpClient http;
    private readonly StringBuilder output = new();

    private PrometheusServer(Process process, DirectoryInfo directory, Uri address)
    {
        this.process = process;
        this.directory = directory;
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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

    public static async Task<PrometheusServer> StartAsync(Uri target)
    {
        var directory = Directory.CreateTempSubdirectory("highlights-prometheus-");
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(
            config,
            $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {Job}
                metrics_path: /metrics
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = Highlights.Silo.Hosting.LoopbackPort.Free();
        var info = new ProcessStartInfo("prometheus") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var server = new PrometheusServer(Process.Start(info)!, directory, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>The value of an instant query that yields one series, or null while it yields none.</summary>
    public async Task<double?> QueryAsync(string promql)
    {
        var answer = await http.GetStringAsync(new Uri($"/api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative));
        using var json = JsonDocument.Parse(answer);
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>Queries every 200 ms until the value satisfies <paramref name="expected"/>; fails with the last value after <paramref name="within"/>.</summary>
    public async Task<double> WaitForAsync(string promql, Func<double, bool> expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        double? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await QueryAsync(promql);
            if (last is { } value && expected(value))
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{promql} was {last?.ToString(CultureInfo.InvariantCulture) ?? "absent"} after {within}; targets: {await TargetsAsync()}\n{Output}");
    }

    public Task<string> TargetsAsync() => http.GetStringAsync(new Uri("/api/v1/targets", UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        directory.Delete(recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/-/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"prometheus never became ready:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
