namespace Highlights.Cli.Costs;

/// <summary>
/// Picks the ledger for <c>highlights costs</c>: a flag on the command line wins over the environment, the database
/// over the API (an operator with both sees every tenant), and with neither it is the embedded ledger. Pure.
/// </summary>
public static class CostSourceChoice
{
    /// <returns>The source, or an error message when the flags ask for two.</returns>
    public static (CostSource? Source, string? Error) Decide(bool dbFlag, bool remoteFlag, bool dbConfigured, bool keyInEnvironment) =>
        (dbFlag, remoteFlag) switch
        {
            (true, true) => (null, "--db reads the cluster's ledger and --server/--key a silo's API: give one of them"),
            (true, false) => (CostSource.Database, null),
            (false, true) => (CostSource.Api, null),
            _ when dbConfigured => (CostSource.Database, null),
            _ when keyInEnvironment => (CostSource.Api, null),
            _ => (CostSource.Embedded, null),
        };
}
