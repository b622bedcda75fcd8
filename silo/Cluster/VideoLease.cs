namespace Highlights.Silo.Cluster;

/// <summary>
/// A silo's right to work on one video until <see cref="ExpiresAt"/> (renewed by heartbeat). Every write carries
/// <see cref="Token"/>; a new claim mints a new token, so an owner that lost its lease can no longer write.
/// </summary>
public sealed record VideoLease(string VideoId, string Owner, Guid Token, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt, int Tries, bool CancelRequested);
