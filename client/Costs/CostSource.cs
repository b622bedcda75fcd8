namespace Highlights.Cli.Costs;

/// <summary>Which ledger <c>highlights costs</c> reads.</summary>
public enum CostSource
{
    /// <summary>The embedded CLI's file ledger under <c>State:Directory/ledger</c> (tenant <c>local</c>).</summary>
    Embedded,

    /// <summary>The cluster's <c>cost_ledger</c> table, every tenant (<c>--db</c>, <c>HIGHLIGHTS_DB</c>).</summary>
    Database,

    /// <summary>A silo's <c>/v1/costs</c>, the key's tenant only (<c>--server</c>/<c>--key</c>, <c>HIGHLIGHTS_KEY</c>).</summary>
    Api,
}
