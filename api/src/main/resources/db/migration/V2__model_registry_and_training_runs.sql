-- Every trained model, whether it was ever served or not. Artifacts live in files; this is their index and history.
CREATE TABLE model_version (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('candidate', 'active', 'retired', 'rejected')),
    artifact_path   TEXT        NOT NULL,
    parameters      TEXT        NOT NULL,
    data_snapshot   TEXT        NOT NULL,
    metrics         TEXT        NOT NULL,
    valid_recall20  DOUBLE PRECISION,
    test_recall20   DOUBLE PRECISION,
    seed            BIGINT      NOT NULL,
    git_revision    TEXT,
    note            TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    promoted_at     TIMESTAMPTZ,
    retired_at      TIMESTAMPTZ
);
-- At most one served model per kind; promotion swaps it inside one transaction.
CREATE UNIQUE INDEX model_version_one_active ON model_version (kind) WHERE status = 'active';

CREATE TABLE training_run (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT        NOT NULL,
    trigger          TEXT        NOT NULL CHECK (trigger IN ('schedule', 'api', 'cli')),
    status           TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress         TEXT,
    model_version_id BIGINT REFERENCES model_version (id),
    outcome          TEXT,
    failure_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
-- One run at a time per kind, across replicas.
CREATE UNIQUE INDEX training_run_one_running ON training_run (kind) WHERE status IN ('queued', 'running');
