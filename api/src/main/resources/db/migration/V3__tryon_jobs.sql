-- Virtual try-on jobs. Claimed by workers with a lease (FOR UPDATE SKIP LOCKED), so several replicas share the queue
-- and a job whose worker died is taken again once its lease has run out.
CREATE TABLE tryon_job (
    id              TEXT        PRIMARY KEY,
    user_id         TEXT,
    item_id         TEXT        NOT NULL,
    -- the item's product photo as the catalogue named it at submission
    garment_image   TEXT        NOT NULL,
    garment_kind    TEXT        NOT NULL CHECK (garment_kind IN ('upper', 'lower', 'full_body')),
    -- the client's box or keypoints as JSON; null: estimated from body proportions
    placement       TEXT,
    engine          TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    attempt_log     TEXT,
    error_code      TEXT,
    error           TEXT,
    lease_owner     TEXT,
    lease_until     TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    render_ms       BIGINT
);
CREATE INDEX tryon_job_claimable ON tryon_job (next_attempt_at) WHERE status = 'queued';
CREATE INDEX tryon_job_leased ON tryon_job (lease_until) WHERE status = 'running';
CREATE INDEX tryon_job_user ON tryon_job (user_id);
CREATE INDEX tryon_job_created ON tryon_job (created_at);

-- Person photos and results live here rather than on a replica's disk: any replica can run or serve any job, and
-- deleting a job (retention, a user's request) deletes its pictures in the same transaction, leaving no files behind.
CREATE TABLE tryon_image (
    job_id     TEXT  NOT NULL REFERENCES tryon_job (id) ON DELETE CASCADE,
    kind       TEXT  NOT NULL CHECK (kind IN ('person', 'result')),
    media_type TEXT  NOT NULL,
    bytes      BYTEA NOT NULL,
    PRIMARY KEY (job_id, kind)
);
