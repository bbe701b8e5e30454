-- Events that arrived before an earlier event of their asset: kept here, not applied, until the
-- missing predecessor is applied; then they are applied in order in the same transaction.
CREATE TABLE parked_events (
    asset_id  uuid        NOT NULL,
    sequence  bigint      NOT NULL,
    envelope  text        NOT NULL,
    parked_at timestamptz NOT NULL,
    PRIMARY KEY (asset_id, sequence)
);
