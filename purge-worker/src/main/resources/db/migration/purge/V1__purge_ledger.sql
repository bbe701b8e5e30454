-- The purge ledger: one row per (change notice's event, provider). A redelivered notice purges
-- again and updates its row; attempts add up.
create table ledger (
    event_id         uuid        not null,
    provider         text        not null,
    asset_id         uuid        not null,
    sequence         bigint      not null,
    event_type       text        not null,
    urls             text[]      not null,
    tags             text[]      not null,
    attempts         integer     not null default 0,
    occurred_at      timestamptz,
    first_attempt_at timestamptz not null,
    completed_at     timestamptz,
    outcome          text        not null check (outcome in ('pending', 'purged', 'dead_lettered')),
    failure_reason   text,
    purge_id         text,
    -- The second, delayed purge (docs/decisions/0006): due time (a lease while claimed), claims, done.
    repurge_due_at   timestamptz,
    repurge_attempts integer     not null default 0,
    repurged_at      timestamptz,
    primary key (event_id, provider)
);

create index ledger_repurge_due on ledger (provider, repurge_due_at)
    where repurged_at is null and repurge_due_at is not null;
create index ledger_asset on ledger (asset_id);
