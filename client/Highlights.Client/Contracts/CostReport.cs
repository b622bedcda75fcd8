namespace Highlights.Client.Contracts;

/// <summary>Answer of <c>GET /v1/costs</c> (and <c>highlights costs</c>): spend between two instants, grouped by video, model, tenant or day.</summary>
public sealed record CostReport(DateTimeOffset From, DateTimeOffset To, string Group, IReadOnlyList<CostLine> Lines, CostTotals Total);

/// <param name="Key">The video id, <c>provider/model</c>, the tenant, or the UTC day (yyyy-MM-dd).</param>
public sealed record CostLine(string Key, long Entries, long InputTokens, long OutputTokens, decimal Usd);
