namespace Highlights.Grains.Transcription;

/// <summary>Cuts long audio into windows: owned spans that tile it end to end, each heard with its overlap on both sides.</summary>
public static class TranscriptionWindows
{
    public static IReadOnlyList<TranscriptionWindow> Plan(long samples, int sampleRate, double windowSeconds, double overlapSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapSeconds);
        var size = Math.Max(1, (long)Math.Round(windowSeconds * sampleRate));
        var overlap = (long)Math.Round(overlapSeconds * sampleRate);
        var windows = new List<TranscriptionWindow>();
        for (long start = 0; start < samples; start += size)
        {
            var end = Math.Min(samples, start + size);
            windows.Add(new TranscriptionWindow(windows.Count, start, end, Math.Max(0, start - overlap), Math.Min(samples, end + overlap)));
        }

        return windows;
    }
}
