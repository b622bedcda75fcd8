using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Actor;

/// <summary>
/// Configuration section <c>Stages</c> (<c>HIGHLIGHTS_STAGES__MAXMEMORYMEGABYTES</c>, <c>HIGHLIGHTS_STAGES__TIMELIMITS__SELECT</c>):
/// what one stage may use before the video fails with the reason instead of taking the host down with it.
/// </summary>
public sealed class StageBudgetOptions
{
    public const string Section = "Stages";

    /// <summary>Resident memory of the whole process while a stage runs; 0 means half of the memory available to the process.</summary>
    [Range(0, 1 << 30)]
    public int MaxMemoryMegabytes { get; set; }

    /// <summary>
    /// Longest run of the stages named (stage name to time). The defaults cover the CPU-bound stages whose work
    /// depends on the input's content rather than its length; transcription and render scale with the video and have none.
    /// </summary>
    public Dictionary<string, TimeSpan> TimeLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [StageNames.Select] = TimeSpan.FromMinutes(10),
        [StageNames.Edl] = TimeSpan.FromMinutes(10),
    };

    /// <summary>How often memory and time are checked. Default 0.25 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
