-- The read model (DESIGN §2): written only by the projector, rebuilt from origo.asset-events at will.
-- Each row carries the asset sequence it reflects.

CREATE TABLE asset_view (
    asset_id            uuid PRIMARY KEY,
    filename            text        NOT NULL,
    content_type        text        NOT NULL,
    size                bigint      NOT NULL,
    sha256              char(64)    NOT NULL,
    is_public           boolean     NOT NULL,
    deleted             boolean     NOT NULL DEFAULT false,
    latest_version      int         NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    -- When the latest content was uploaded: the Last-Modified of /assets/{id}/download.
    content_modified_at timestamptz NOT NULL,
    -- The sequence of the last event applied to this asset: the projector's idempotency record.
    sequence            bigint      NOT NULL
);

CREATE TABLE version_view (
    version_id   uuid PRIMARY KEY,
    asset_id     uuid        NOT NULL REFERENCES asset_view (asset_id),
    number       int         NOT NULL,
    sha256       char(64)    NOT NULL,
    size         bigint      NOT NULL,
    content_type text        NOT NULL,
    filename     text        NOT NULL,
    published_at timestamptz NOT NULL,
    sequence     bigint      NOT NULL,
    UNIQUE (asset_id, number)
);

CREATE TABLE token_view (
    token_sha256 char(64) PRIMARY KEY,
    token_id     uuid        NOT NULL UNIQUE,
    asset_id     uuid        NOT NULL REFERENCES asset_view (asset_id),
    expires_at   timestamptz NOT NULL,
    revoked      boolean     NOT NULL DEFAULT false,
    sequence     bigint      NOT NULL
);

CREATE INDEX version_view_asset ON version_view (asset_id);
CREATE INDEX token_view_asset ON token_view (asset_id);
