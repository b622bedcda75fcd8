-- The video actor is an Orleans grain: its state and checkpoints live in OrleansStorage, its silos in
-- OrleansMembershipTable, its resume reminders in OrleansRemindersTable. Our lease machinery goes, and `videos`
-- stays only as the index the API (tenants' waiting caps), the queue gauges and retention query: one row per
-- submitted video, written by its grain whenever its status changes.
drop table stage_runs;
drop table checkpoints;
drop table silos;
drop index videos_claimable;
alter table videos
    drop column stage,
    drop column source_size,
    drop column source_sha256,
    drop column options,
    drop column failure,
    drop column attempts,
    drop column revision,
    drop column schema_version,
    drop column tries,
    drop column cancel_requested,
    drop column lease_owner,
    drop column lease_token,
    drop column lease_expires_at,
    drop column claimed_at,
    drop column progress,
    drop column last_error;
create index videos_waiting on videos (not_before, created_at) where queued;
