using System.ComponentModel.DataAnnotations;

namespace Highlights.Silo.Retention;

/// <summary>
/// Configuration section <c>Retention</c> (<c>HIGHLIGHTS_RETENTION__PERIOD</c>, ...): how long the files of a finished
/// video are kept. Rows, EDLs and costs stay; only files (its work folder, its upload) go.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// A video finished (completed, failed, cancelled, stopped at its budget) this long ago loses its work folder (the
    /// render goes, <c>/render</c> answers 410) and its upload unless another live video uses it. Default none: keep forever.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan? Period { get; set; }

    /// <summary>How often a silo looks for files past <see cref="Period"/>. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
