using System.Net.Sockets;
using Npgsql;

namespace Highlights.Silo.Api;

/// <summary>Whether a failure means a part of the deployment is away for now (worth a 503 and a retry), as opposed to bad data. Pure.</summary>
public static class Unavailable
{
    /// <summary>The database is unreachable or has no connection to spare, wherever in the chain it was reported (Orleans' storage wraps it).</summary>
    public static bool Database(Exception exception) => Chain(exception).Any(e => e is NpgsqlException or SocketException);

    /// <summary>The silo holding a video stopped answering (just killed, or shutting down) or a call timed out.</summary>
    public static bool Silo(Exception exception) =>
        Chain(exception).Any(e => e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
