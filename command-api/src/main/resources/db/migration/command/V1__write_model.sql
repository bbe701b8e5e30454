-- The write model of command-api (DESIGN §2). Only command-api touches this schema.

CREATE TABLE assets (
    id           uuid PRIMARY KEY,
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size >= 0),
    sha256       char(64)    NOT NULL,
    is_public    boolean     NOT NULL,
    deleted      boolean     NOT NULL DEFAULT false,
    -- The aggregate version: the sequence of the asset's latest event. Commands bump it with a
    -- compare-and-set, so two commands can never emit events with one sequence.
    sequence     bigint      NOT NULL CHECK (sequence >= 1),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE versions (
    id           uuid PRIMARY KEY,
    asset_id     uuid        NOT NULL REFERENCES assets (id),
    number       int         NOT NULL CHECK (number >= 1),
    sha256       char(64)    NOT NULL,
    size         bigint      NOT NULL,
    content_type text        NOT NULL,
    filename     text        NOT NULL,
    published_at timestamptz NOT NULL,
    UNIQUE (asset_id, number)
);

CREATE TABLE access_tokens (
    id           uuid PRIMARY KEY,
    asset_id     uuid        NOT NULL REFERENCES assets (id),
    -- Only the SHA-256 of a token is stored, never the token.
    token_sha256 char(64)    NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL
);

-- Every event, written in the same transaction as the change it describes; Debezium tails inserts.
CREATE TABLE outbox (
    event_id     uuid PRIMARY KEY,
    asset_id     uuid        NOT NULL,
    sequence     bigint      NOT NULL,
    type         text        NOT NULL,
    -- The JSON envelope exactly as it is produced to Kafka.
    envelope     text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    UNIQUE (asset_id, sequence)
);

-- Written by Debezium's heartbeat so that the replication slot advances while the outbox is idle.
CREATE TABLE relay_heartbeat (
    id      int PRIMARY KEY,
    beat_at timestamptz NOT NULL
);
