using System.Globalization;
using System.Text;
using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Llm.Budget;

/// <summary>
/// The cost ledger as one append-only JSON-lines file per UTC day under the state directory. A reservation reads the
/// day's total and appends under an exclusive lock on a lock file, so processes sharing the directory cannot both spend
/// the last of the budget; each line is written with one append and flushed to disk before the call is made.
/// </summary>
public sealed class FileCostLedger(string directory, TimeProvider time) : ICostLedger
{
    private const string FilePrefix = "llm-cost-";
    private const string DayFormat = "yyyy-MM-dd";

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    public string Directory { get; } = Path.GetFullPath(directory);

    public string PathFor(DateOnly day) => Path.Combine(Directory, $"{FilePrefix}{day.ToString(DayFormat, CultureInfo.InvariantCulture)}.jsonl");

    public async Task<LedgerReservation> TryReserveAsync(LedgerCharge charge, decimal dailyLimitUsd, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        using var exclusive = await LockAsync(cancellationToken);
        var spent = LedgerLine.Total(Read(day));
        var id = Guid.NewGuid().ToString("N");
        if (spent + charge.Usd > dailyLimitUsd)
        {
            return new LedgerReservation(id, day, charge.Usd, Granted: false, spent);
        }

        Append(day, new LedgerLine(id, LedgerLine.Reserve, now, charge.Usd, charge.VideoId, charge.Provider, charge.Model, charge.Tenant));
        return new LedgerReservation(id, day, charge.Usd, Granted: true, spent);
    }

    public async Task SettleAsync(LedgerReservation reservation, LedgerSettlement settlement, CancellationToken cancellationToken)
    {
        if (!reservation.Granted)
        {
            throw new InvalidOperationException($"reservation {reservation.Id} was not granted; there is nothing to settle");
        }

        using var exclusive = await LockAsync(cancellationToken);
        Append(reservation.Day, new LedgerLine(
            reservation.Id, LedgerLine.Settle, time.GetUtcNow(), settlement.Usd, InputTokens: settlement.InputTokens, OutputTokens: settlement.OutputTokens));
    }

    public async Task<decimal> SpentOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var exclusive = await LockAsync(cancellationToken);
        return LedgerLine.Total(Read(day));
    }

    /// <summary>
    /// The calls reserved in [<paramref name="from"/>, <paramref name="to"/>), for cost reports. Read without the lock: a
    /// line being appended right now may be missed (it shows in the next report), never half-read.
    /// </summary>
    public IReadOnlyList<LedgerEntry> Entries(DateTimeOffset from, DateTimeOffset to)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var first = DateOnly.FromDateTime(from.UtcDateTime);
        var last = DateOnly.FromDateTime(to.UtcDateTime);
        return [.. System.IO.Directory.EnumerateFiles(Directory, $"{FilePrefix}*.jsonl")
            .Select(path => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(path)[FilePrefix.Length..], DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : (DateOnly?)null)
            .OfType<DateOnly>()
            .Where(day => day >= first && day <= last)
            .Order()
            .SelectMany(day => LedgerLine.Entries(Read(day)))
            .Where(entry => entry.At >= from && entry.At < to)];
    }

    private IEnumerable<LedgerLine> Read(DateOnly day)
    {
        var path = PathFor(day);
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var text in File.ReadLines(path))
        {
            // Only the last line can be torn (a writer died mid-append); it never reached its reader, so it is skipped.
            LedgerLine? line;
            try
            {
                line = JsonSerializer.Deserialize<LedgerLine>(text, StateJson.Options);
            }
            catch (JsonException)
            {
                continue;
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    private void Append(DateOnly day, LedgerLine line)
    {
        var path = PathFor(day);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);

        // A torn last line from a crash would swallow this one, so start on a fresh line.
        var json = JsonSerializer.Serialize(line, StateJson.Options) + "\n";
        var bytes = Encoding.UTF8.GetBytes(stream.Length > 0 && !EndsWithNewline(path) ? "\n" + json : json);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private static bool EndsWithNewline(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(-1, SeekOrigin.End);
        return reader.ReadByte() == '\n';
    }

    /// <summary>An exclusive OS lock on the ledger's lock file, waited for in short steps (the holder keeps it for milliseconds).</summary>
    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, "ledger.lock");
        var deadline = time.GetUtcNow() + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
            }
        }
    }
}
