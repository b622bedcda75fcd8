-- Cluster mode: videos leased by silos, their stage checkpoints, the cost ledger and API keys.
-- Times are written by the application (its TimeProvider), never by now(), so lease logic is testable.

create table silos (
    id           text primary key,
    host_name    text not null,
    process_id   integer not null,
    workers      integer not null,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    stopped_at   timestamptz
);

-- One row per video: the grain's state (status .. updated_at, guarded by revision) and the queue/lease columns.
create table videos (
    id               text primary key,
    tenant           text not null,
    status           text not null,
    stage            text,
    source_path      text not null,
    source_size      bigint not null,
    source_sha256    text not null,
    options          jsonb not null,
    failure          jsonb,
    attempts         integer not null default 0,
    revision         bigint not null default 0,
    schema_version   integer not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    queued           boolean not null default true,
    not_before       timestamptz not null,
    tries            integer not null default 0,
    cancel_requested boolean not null default false,
    lease_owner      text,
    lease_token      uuid,
    lease_expires_at timestamptz,
    claimed_at       timestamptz,
    progress         double precision,
    last_error       text
);
create index videos_claimable on videos (not_before, created_at) where queued;
create index videos_by_tenant on videos (tenant, created_at);

-- A finished stage's result (partial = false) or a running stage's saved partial work (partial = true).
-- writes counts how often the row was written: a stage that ran exactly once has writes = 1.
create table checkpoints (
    video_id         text not null references videos (id) on delete cascade,
    stage            text not null,
    partial          boolean not null,
    result_version   integer not null,
    result           jsonb not null,
    completed_at     timestamptz not null,
    duration_seconds double precision not null,
    writes           integer not null default 1,
    primary key (video_id, stage, partial)
);

-- Every time a stage was entered, by which silo: how many times each stage executed.
create table stage_runs (
    id         bigserial primary key,
    video_id   text not null references videos (id) on delete cascade,
    stage      text not null,
    silo_id    text not null,
    attempt    integer not null,
    started_at timestamptz not null
);
create index stage_runs_by_video on stage_runs (video_id, stage);

create table cost_ledger (
    id            bigserial primary key,
    video_id      text references videos (id) on delete set null,
    tenant        text not null,
    provider      text not null,
    model         text not null,
    input_tokens  bigint not null,
    output_tokens bigint not null,
    usd           numeric(14, 6) not null,
    at            timestamptz not null
);
create index cost_ledger_by_tenant_time on cost_ledger (tenant, at);

-- Only the SHA-256 of a key is kept; the prefix lets an operator tell keys apart.
create table api_keys (
    id         bigserial primary key,
    tenant     text not null,
    key_sha256 bytea not null unique,
    prefix     text not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);
