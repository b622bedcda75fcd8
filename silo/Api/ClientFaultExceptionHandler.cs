using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Highlights.Silo.Api;

/// <summary>
/// Answers the exceptions a client can do something about with a problem response instead of a bare 500: a body
/// Kestrel or the API refused (its status: 400, 408, 413, 431), a database out of connections or down, a silo that
/// stopped answering for its video (503, try again), and a video whose stored state cannot be read (500, named).
/// </summary>
public sealed class ClientFaultExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before it submits again when the database has no connection to spare.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            NpgsqlException { InnerException: TimeoutException } or NpgsqlException { IsTransient: true, InnerException: null } => (
                StatusCodes.Status503ServiceUnavailable,
                "Busy",
                $"the database has no connection to spare right now; try again in {RetryAfterSeconds} s"),
            _ when Unavailable.Database(exception) => (
                StatusCodes.Status503ServiceUnavailable,
                "Database unavailable",
                $"the database cannot be reached; nothing was stored; try again in {RetryAfterSeconds} s"),
            _ when Unavailable.Silo(exception) => (
                StatusCodes.Status503ServiceUnavailable,
                "Silo unavailable",
                $"the silo holding this video stopped answering; the cluster moves its videos to live silos: try again in {RetryAfterSeconds} s"),
            VideoStateUnreadableException => (StatusCodes.Status500InternalServerError, "Video state unreadable", exception.Message),
            _ => (0, null, null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = $"{RetryAfterSeconds}";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
