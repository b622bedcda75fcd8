#!/usr/bin/env bash
# Cost of /metrics on a silo: the two queries behind the queue gauges (silo/Metrics/PostgresQueueObserver.cs) at 1k,
# 100k and 1M videos, against a scrape answered from memory in the same run. The waiting-videos query runs at most every
# Metrics:QueueRefresh (5 s), the count by state at most every Metrics:StateCountsRefresh (1 min). Videos are inserted
# by SQL: 100 waiting, 20 running (without a live lease: they count as waiting too), 1% failed, the rest completed, as a
# long-lived deployment's table looks. The silo runs with no workers.
# Usage: bench/metrics-scrape.sh [SIZES...]   (default: 1000 100000 1000000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("${@:-1000 100000 1000000}")
read -r -a sizes <<< "${sizes[*]}"
out="$root/bench/results/metrics-scrape.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash "$root/scripts/setup.sh" --quiet
dotnet build "$root/client/Highlights.Cli.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=(dotnet "$root/client/bin/Release/net10.0/highlights.dll")

pgbin="$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")"
work="$(mktemp -d /tmp/highlights-bench.XXXXXX)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
silo_pid=""
cleanup() {
  [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null || true
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
(cd /tmp && "${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -A trust -U postgres --no-sync >/dev/null)
(cd /tmp && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w start \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1" >/dev/null)
psql_at() { psql -h 127.0.0.1 -p "$port" -U postgres -d "$1" -Atq -c "$2"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# The queries PostgresQueueObserver runs, with now() for @now.
waiting_sql="select count(*), min(not_before) from videos
  where queued and not_before <= now() and (lease_token is null or lease_expires_at <= now())"
states_sql="select status, count(*) from videos group by status"
query_ms() {
  for _ in $(seq 7); do
    psql_at "$1" "explain (analyze, format json) $2" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'
  done | median
}

{
  echo "# bench/metrics-scrape.sh ${sizes[*]}  ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL $(psql_at postgres 'show server_version'))"
  echo "# queries: median of 7 runs (EXPLAIN ANALYZE execution time); scrape: median of 20 GETs of /metrics answered from memory"
  printf '%-10s %12s %12s %12s %16s %16s\n' videos waiting-ms states-ms scrape-ms waiting/scrape states/scrape
} > "$out.tmp"

for n in "${sizes[@]}"; do
  db="bench_$n"
  psql_at postgres "create database $db"
  conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  "${cli[@]}" db migrate --db "$conn" >/dev/null
  psql_at "$db" "insert into videos (id, tenant, status, source_path, source_size, source_sha256, options, schema_version,
      created_at, updated_at, not_before, queued)
    select substr(md5(i::text), 1, 20), 'bench',
           case when i <= 100 then 'pending' when i <= 120 then 'running' when i % 100 = 0 then 'failed' else 'completed' end,
           '/dev/null', 1, md5(i::text), '{\"target_seconds\": 60}', 1, now(), now(), now() - interval '1 minute', i <= 120
    from generate_series(1, $n) i"
  psql_at "$db" "vacuum analyze videos"
  waiting_ms=$(query_ms "$db" "$waiting_sql")
  states_ms=$(query_ms "$db" "$states_sql")

  silo_port=$(free_port)
  HIGHLIGHTS_STATE__DIRECTORY="$work/state" "${cli[@]}" silo --db "$conn" --workers 0 --urls "http://127.0.0.1:$silo_port" > "$work/silo-$n.log" 2>&1 &
  silo_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$silo_port/readyz" >/dev/null 2>&1 && break
    kill -0 "$silo_pid" 2>/dev/null || { cat "$work/silo-$n.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$silo_port/metrics" >/dev/null   # reads the queue; the next 20 are served from the cache
  scrape_ms=$(for _ in $(seq 20); do
    curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$silo_port/metrics"
  done | awk '{print $1 * 1000}' | median)
  kill "$silo_pid"; wait "$silo_pid" || true; silo_pid=""
  ratios=$(python3 -c "print(f'{$waiting_ms / $scrape_ms:.2f}x {$states_ms / $scrape_ms:.2f}x')")
  printf '%-10s %12.2f %12.2f %12.2f %16s %16s\n' "$n" "$waiting_ms" "$states_ms" "$scrape_ms" $ratios >> "$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
