namespace Highlights.Grains.Processes;

/// <summary>Keeps the last N lines of a stream: enough of stderr to explain a failure without holding hours of log.</summary>
public sealed class LineTail(int capacity)
{
    private readonly Queue<string> lines = new(capacity);

    public void Add(string line)
    {
        lock (lines)
        {
            if (lines.Count == capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
        }
    }

    public override string ToString()
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }
}
