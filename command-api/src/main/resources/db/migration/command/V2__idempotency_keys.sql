-- Idempotency-Key (DESIGN §4): the first reply to a command, replayed for a retry of the same request.
-- Written in the command's own transaction, so a recorded reply always matches an emitted event.

CREATE TABLE idempotency_keys (
    -- Keys are scoped per producer (the configured name of its key).
    producer       text        NOT NULL,
    key            text        NOT NULL,
    -- SHA-256 (hex) of method, path and body (for uploads: the file's SHA-256 and the form fields).
    fingerprint    char(64)    NOT NULL,
    status         int         NOT NULL,
    location       text,
    sequence       bigint      NOT NULL,
    -- The JSON body as sent; AES-GCM ciphertext (base64) when it holds a raw access token.
    body           text,
    body_encrypted boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    PRIMARY KEY (producer, key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
