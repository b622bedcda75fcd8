-- The cost ledger becomes the cluster's daily LLM budget: a call is inserted as a reservation at its worst-case cost
-- (settled = false) before it is made, and settled with its actual cost and tokens after. An unsettled row (its silo
-- died mid-call) keeps counting at the worst case. Rows from before this migration were recorded settled.
alter table cost_ledger add column reservation text unique;
alter table cost_ledger add column settled boolean not null default true;
create index cost_ledger_by_time on cost_ledger (at);

-- One row per UTC day that had a reservation. Every reservation (and settlement) of the day locks it first
-- (select ... for update), so silos check the day's total one at a time and none can spend what another already has.
create table cost_days (
    day date primary key
);
