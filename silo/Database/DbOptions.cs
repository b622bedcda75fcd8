using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Highlights.Silo.Database;

/// <summary>The cluster's PostgreSQL database: configuration key <c>Db</c>, environment <c>HIGHLIGHTS_DB</c>, or <c>--db</c>.</summary>
public sealed class DbOptions : IValidatableObject
{
    /// <summary>Configuration key of the connection string (the environment variable <c>HIGHLIGHTS_DB</c> maps to it).</summary>
    public const string Key = "Db";

    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=highlights;Database=highlights</c>. No default.</summary>
    [Required(ErrorMessage = "no database: pass --db CONNSTR or set HIGHLIGHTS_DB")]
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConnectionString is null)
        {
            yield break;
        }

        string? problem = null;
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult($"Db: not a valid connection string ({problem})", [nameof(ConnectionString)]);
        }
    }
}
