-- A manager's what-if replay, run in the background: asked for on one instance, its
-- progress and answer readable from any.
CREATE TABLE what_if_run (
    id           UUID        PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    project_code TEXT        NOT NULL,
    from_day     DATE        NOT NULL,
    to_day       DATE        NOT NULL,
    extra        INT         NOT NULL,
    requested_by TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    result       TEXT,
    error        TEXT
);
CREATE INDEX what_if_run_by_tenant ON what_if_run (tenant_id, started_at DESC);
