-- The grab pool (抢单) of a project: which grades qualified technicians may claim
-- themselves, first come first served.
CREATE TABLE grab_pool (
    project_id BIGINT      PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    grades     TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL,
    version    INT         NOT NULL DEFAULT 0
);
