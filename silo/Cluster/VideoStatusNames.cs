using Highlights.Grains.State;

namespace Highlights.Silo.Cluster;

/// <summary>How a <see cref="VideoStatus"/> is spelled in the <c>videos.status</c> column and in the API.</summary>
public static class VideoStatusNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<VideoStatus>().Select(ToName)];

    public static string ToName(VideoStatus status) => status switch
    {
        VideoStatus.Pending => "pending",
        VideoStatus.Running => "running",
        VideoStatus.Completed => "completed",
        VideoStatus.Failed => "failed",
        VideoStatus.Cancelled => "cancelled",
        VideoStatus.BudgetExceeded => "budget_exceeded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static VideoStatus Parse(string name) => name switch
    {
        "pending" => VideoStatus.Pending,
        "running" => VideoStatus.Running,
        "completed" => VideoStatus.Completed,
        "failed" => VideoStatus.Failed,
        "cancelled" => VideoStatus.Cancelled,
        "budget_exceeded" => VideoStatus.BudgetExceeded,
        _ => throw new InvalidDataException($"unknown video status '{name}' in the database"),
    };
}
