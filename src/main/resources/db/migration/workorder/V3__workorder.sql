-- Work orders (报修单), their append-only history, and idempotent intake.
CREATE SEQUENCE work_order_number_seq;

CREATE TABLE work_order (
    id                BIGSERIAL PRIMARY KEY,
    number            TEXT        NOT NULL UNIQUE,
    tenant_id         BIGINT      NOT NULL,
    project_id        BIGINT      NOT NULL,
    project_code      TEXT        NOT NULL,
    project_name      TEXT        NOT NULL,
    home_id           BIGINT,
    area_id           BIGINT,
    building          TEXT,
    unit              TEXT,
    room              TEXT,
    area              TEXT,
    status            TEXT        NOT NULL,
    grade             TEXT        NOT NULL,
    grade_source      TEXT        NOT NULL,
    category          TEXT        NOT NULL,
    channel           TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    reporter_name     TEXT        NOT NULL,
    reporter_phone    TEXT        NOT NULL,
    reporter_owner_id BIGINT,
    created_by        TEXT        NOT NULL,
    assignee_id       BIGINT,
    assignee_name     TEXT,
    assignee_phone    TEXT,
    appointment_from  TIMESTAMPTZ,
    appointment_to    TIMESTAMPTZ,
    reported_at       TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    hold_reason       TEXT,
    resolution        TEXT,
    rating            SMALLINT,
    rating_comment    TEXT,
    satisfied         BOOLEAN,
    rework_of         TEXT,
    rework_number     TEXT,
    version           INT         NOT NULL
);
CREATE INDEX work_order_by_tenant ON work_order (tenant_id, created_at DESC, id DESC);
CREATE INDEX work_order_by_tenant_status ON work_order (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX work_order_by_assignee ON work_order (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL;
CREATE INDEX work_order_by_owner ON work_order (reporter_owner_id, created_at DESC, id DESC) WHERE reporter_owner_id IS NOT NULL;
CREATE INDEX work_order_by_project ON work_order (project_id, created_at DESC, id DESC);

CREATE TABLE work_order_history (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES work_order (id),
    at          TIMESTAMPTZ NOT NULL,
    action      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    role        TEXT        NOT NULL,
    from_value  TEXT,
    to_value    TEXT,
    note        TEXT,
    channel     TEXT
);
CREATE INDEX work_order_history_by_order ON work_order_history (order_id, id);

-- A retried create with the same key and body returns the original order for 24 hours.
CREATE TABLE idempotency_key (
    principal    TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    order_number TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
