using System.Globalization;
using Highlights.Grains.Actor;

namespace Highlights.Cli.Output;

/// <summary>
/// Draws one line per stage on stderr. On a terminal the running stage's line is redrawn in place; in a log
/// (CI, a pipe) progress is printed at most every 10% so long jobs show life without flooding the log. A redrawn
/// line that wrapped would scroll instead of redraw, so it is fitted to the terminal's width, read at every draw
/// (the window may be resized).
/// </summary>
public sealed class ProgressDisplay(TextWriter writer, bool interactive, Func<int>? columns = null) : IProgress<PipelineEvent>
{
    private const int BarCells = 24;

    private readonly Lock gate = new();
    private int lastDecile = -1;
    private bool lineOpen;

    public static ProgressDisplay ForStandardError() => new(Console.Error, !Console.IsErrorRedirected, TerminalColumns);

    /// <summary>
    /// The running stage's line in at most <paramref name="width"/> characters: the bar shrinks first, then the detail
    /// goes, then the text is cut, so the percentage stays visible as long as it fits.
    /// </summary>
    public static string Fit(string stage, double fraction, string? detail, int width)
    {
        var percent = (int)Math.Round(fraction * 100);
        var head = $"  {stage,-11} ";
        var tail = string.Create(CultureInfo.InvariantCulture, $" {percent,3}%");
        var extra = detail is null ? string.Empty : $" ({detail})";
        foreach (var suffix in new[] { extra, string.Empty })
        {
            var room = width - head.Length - tail.Length - suffix.Length - 2;
            if (room >= 5)
            {
                return head + Bar(fraction, Math.Min(BarCells, room)) + tail + suffix;
            }
        }

        var plain = head + tail.TrimStart() + extra;
        return plain.Length <= width ? plain : plain[..Math.Max(0, width)];
    }

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
            Draw(Fit(p.Stage, p.Fraction, p.Detail, Width()));
            return;
        }

        var decile = percent / 10;
        if (decile > lastDecile && percent < 100)
        {
            lastDecile = decile;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Stage,-11} {percent,3}%{detail}"));
        }
    }

    private static string Bar(double fraction, int cells)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * cells);
        return "[" + new string('#', filled) + new string('.', cells - filled) + "]";
    }

    /// <summary>One column short of the terminal: writing into the last column makes some terminals wrap at once.</summary>
    private int Width() => Math.Max(20, (columns?.Invoke() ?? 80) - 1);

    /// <summary>The terminal's columns; 80 when the terminal will not say.</summary>
    private static int TerminalColumns()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private void Draw(string text)
    {
        if (interactive)
        {
            var width = Width();
            writer.Write("\r\u001b[2K" + (text.Length <= width ? text : text[..width]));
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
