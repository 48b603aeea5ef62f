-- The append-only feedback log: the system of record for what shoppers said. Neo4j holds a projection of it.
CREATE TABLE feedback_event (
    id                  BIGSERIAL PRIMARY KEY,
    user_id             TEXT        NOT NULL,
    target_type         TEXT        NOT NULL CHECK (target_type IN ('item', 'outfit')),
    target_id           TEXT        NOT NULL,
    signal              TEXT        NOT NULL CHECK (signal IN ('like', 'dislike', 'undo')),
    client_event_id     TEXT,
    occurred_at         TIMESTAMPTZ NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    projected_at        TIMESTAMPTZ,
    projection_attempts INTEGER     NOT NULL DEFAULT 0,
    last_error          TEXT
);

-- Idempotency: one event per client event id and user.
CREATE UNIQUE INDEX feedback_event_client_event ON feedback_event (user_id, client_event_id)
    WHERE client_event_id IS NOT NULL;
-- The outbox the reconciler drains.
CREATE INDEX feedback_event_unprojected ON feedback_event (id) WHERE projected_at IS NULL;
-- A user's current state: the newest event per target.
CREATE INDEX feedback_event_user_target ON feedback_event (user_id, target_type, target_id, id DESC);

CREATE TABLE import_job (
    id             BIGSERIAL PRIMARY KEY,
    source         TEXT        NOT NULL,
    path           TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    items          BIGINT      NOT NULL DEFAULT 0,
    outfits        BIGINT      NOT NULL DEFAULT 0,
    users          BIGINT      NOT NULL DEFAULT 0,
    interactions   BIGINT      NOT NULL DEFAULT 0,
    rejected       BIGINT      NOT NULL DEFAULT 0,
    errors         TEXT,
    message        TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX import_job_source ON import_job (source, status);
