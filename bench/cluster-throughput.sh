#!/usr/bin/env bash
# Cluster overhead: 1,000 queued videos through one silo with 1, 2 and 4 workers on a no-op pipeline
# (`silo --pipeline noop`: a single stage that returns at once), so what is measured is the cluster itself:
# claiming (FOR UPDATE SKIP LOCKED), loading state, the checkpointed transitions and the release.
# Reports claim-to-start per video (claim committed -> its first stage entered, median and p99) and throughput
# (first claim -> last completion, from the database's own timestamps, so silo start-up is excluded).
# Videos are queued by SQL insert, as the API's submit would leave them. Usage: bench/cluster-throughput.sh [VIDEOS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
videos="${1:-1000}"
out="$root/bench/results/cluster-throughput.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash "$root/scripts/setup.sh" --quiet
dotnet build "$root/client/Highlights.Cli.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=(dotnet "$root/client/bin/Release/net10.0/highlights.dll")

pgbin="$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")"
work="$(mktemp -d /tmp/highlights-bench.XXXXXX)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
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

{
  echo "# bench/cluster-throughput.sh $videos  ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL $(psql_at postgres 'show server_version'), fsync on)"
  echo "# no-op pipeline; one silo process; each row is one run of $videos queued videos"
  printf '%-8s %14s %14s %14s %12s\n' workers claim-start-p50 claim-start-p99 videos/s vs-1-worker
} > "$out.tmp"

base=""
for workers in 1 2 4; do
  db="bench_$workers"
  psql_at postgres "create database $db" 
  conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  "${cli[@]}" db migrate --db "$conn" >/dev/null
  psql_at "$db" "insert into videos (id, tenant, status, source_path, source_size, source_sha256, options, schema_version, created_at, updated_at, not_before)
    select substr(md5(i::text), 1, 20), 'bench', 'pending', '/dev/null', 1, md5(i::text), '{\"target_seconds\": 60}', 1, now(), now(), now()
    from generate_series(1, $videos) i"
  HIGHLIGHTS_STATE__DIRECTORY="$work/state" HIGHLIGHTS_CLUSTER__POLLINTERVAL=00:00:00.050 \
    "${cli[@]}" silo --db "$conn" --workers "$workers" --pipeline noop --urls "http://127.0.0.1:0" > "$work/silo-$workers.log" 2>&1 &
  silo_pid=$!
  for _ in $(seq 1 1200); do
    [ "$(psql_at "$db" "select count(*) from videos where status = 'completed'")" = "$videos" ] && break
    kill -0 "$silo_pid" 2>/dev/null || { cat "$work/silo-$workers.log" >&2; exit 1; }
    sleep 0.25
  done
  kill "$silo_pid"; wait "$silo_pid" || true; silo_pid=""
  read -r p50 p99 rate < <(psql_at "$db" "
    with s as (select extract(epoch from r.started_at - v.claimed_at) * 1000 as ms
               from videos v join stage_runs r on r.video_id = v.id)
    select round(percentile_cont(0.5) within group (order by ms)::numeric, 2),
           round(percentile_cont(0.99) within group (order by ms)::numeric, 2),
           round(($videos / extract(epoch from (select max(updated_at) - min(claimed_at) from videos)))::numeric, 1)
    from s" | tr '|' ' ')
  [ -z "$base" ] && base="$rate"
  ratio=$(python3 -c "print(f'{$rate / $base:.2f}x')")
  printf '%-8s %12s ms %12s ms %14s %12s\n' "$workers" "$p50" "$p99" "$rate" "$ratio" >> "$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
