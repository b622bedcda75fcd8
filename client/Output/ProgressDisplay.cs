using System.Globalization;
using Highlights.Grains.Actor;

namespace Highlights.Cli.Output;

/// <summary>
/// Draws one line per stage on stderr. On a terminal the running stage's line is redrawn in place; in a log
/// (CI, a pipe) progress is printed at most every 10% so long jobs show life without flooding the log.
/// </summary>
public sealed class ProgressDisplay(TextWriter writer, bool interactive) : IProgress<PipelineEvent>
{
    private readonly Lock gate = new();
    private int lastDecile = -1;
    private bool lineOpen;

    public static ProgressDisplay ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(PipelineEvent value)
    {
        lock (gate)
        {
            switch (value)
            {
                case PipelineEvent.Skipped s:
                    WriteLine($"  {s.Stage,-11} skipped (checkpoint, took {s.CheckpointSeconds:0.0}s when it ran)");
                    break;
                case PipelineEvent.Started s:
                    lastDecile = -1;
                    Draw($"  {s.Stage,-11} running");
                    break;
                case PipelineEvent.Progressed p when !double.IsNaN(p.Fraction):
                    Progress(p);
                    break;
                case PipelineEvent.Completed c:
                    WriteLine($"  {c.Stage,-11} done in {c.Duration.TotalSeconds:0.00}s");
                    break;
                case PipelineEvent.Failed f:
                    // The reason follows once, as the command's error line.
                    WriteLine($"  {f.Stage,-11} FAILED");
                    break;
                case PipelineEvent.Stopped s:
                    WriteLine($"  {s.Stage,-11} stopped: {s.Message}");
                    break;
            }
        }
    }

    private void Progress(PipelineEvent.Progressed p)
    {
        var percent = (int)Math.Round(p.Fraction * 100);
        var detail = p.Detail is null ? string.Empty : $" ({p.Detail})";
        if (interactive)
        {
            Draw($"  {p.Stage,-11} {Bar(p.Fraction)} {percent,3}%{detail}");
            return;
        }

        var decile = percent / 10;
        if (decile > lastDecile && percent < 100)
        {
            lastDecile = decile;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Stage,-11} {percent,3}%{detail}"));
        }
    }

    private static string Bar(double fraction)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 24);
        return "[" + new string('#', filled) + new string('.', 24 - filled) + "]";
    }

    private void Draw(string text)
    {
        if (interactive)
        {
            writer.Write("\r\u001b[2K" + text);
            lineOpen = true;
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    private void WriteLine(string text)
    {
        writer.WriteLine(interactive && lineOpen ? "\r\u001b[2K" + text : text);
        lineOpen = false;
    }
}
