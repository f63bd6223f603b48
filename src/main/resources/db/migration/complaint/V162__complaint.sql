-- issue 12, item 6: complaints (投诉) as their own records, with their own clocks and steps.
CREATE TABLE complaint (
    id                BIGSERIAL PRIMARY KEY,
    tenant_id         BIGINT      NOT NULL,
    project_id        BIGINT      NOT NULL,
    project_code      TEXT        NOT NULL,
    order_number      TEXT,
    technician_id     BIGINT,
    technician_name   TEXT,
    category          TEXT,
    owner_id          BIGINT,
    complainant_name  TEXT        NOT NULL,
    complainant_phone TEXT,
    channel           TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'RESPONDED', 'RESOLVED', 'CLOSED')),
    supervisor_id     BIGINT,
    supervisor_name   TEXT,
    opened_at         TIMESTAMPTZ NOT NULL,
    opened_by         TEXT        NOT NULL,
    respond_by        TIMESTAMPTZ NOT NULL,
    resolve_by        TIMESTAMPTZ NOT NULL,
    responded_at      TIMESTAMPTZ,
    response          TEXT,
    resolved_at       TIMESTAMPTZ,
    resolution        TEXT,
    closed_at         TIMESTAMPTZ,
    closed_how        TEXT,
    close_reason      TEXT,
    respond_escalated BOOLEAN     NOT NULL DEFAULT FALSE,
    resolve_escalated BOOLEAN     NOT NULL DEFAULT FALSE,
    version           INT         NOT NULL DEFAULT 0
);
CREATE INDEX complaint_by_tenant ON complaint (tenant_id, status, opened_at DESC);
CREATE INDEX complaint_by_order ON complaint (order_number) WHERE order_number IS NOT NULL;
CREATE INDEX complaint_by_owner ON complaint (owner_id) WHERE owner_id IS NOT NULL;
-- an unsatisfied follow-up call opens one complaint, however often its event is handled
CREATE UNIQUE INDEX complaint_one_per_follow_up ON complaint (order_number) WHERE channel = 'FOLLOW_UP';

-- each step of a complaint, append-only
CREATE TABLE complaint_step (
    id           BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT      NOT NULL REFERENCES complaint (id),
    at           TIMESTAMPTZ NOT NULL,
    action       TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    role         TEXT        NOT NULL,
    note         TEXT
);
CREATE INDEX complaint_step_by_complaint ON complaint_step (complaint_id, id);

-- the respond and resolve clocks: rows claimed FOR UPDATE SKIP LOCKED, each fired once
CREATE TABLE complaint_timer (
    complaint_id BIGINT      NOT NULL REFERENCES complaint (id),
    clock        TEXT        NOT NULL CHECK (clock IN ('RESPOND', 'RESOLVE')),
    due_at       TIMESTAMPTZ NOT NULL,
    fired_at     TIMESTAMPTZ,
    PRIMARY KEY (complaint_id, clock)
);
CREATE INDEX complaint_timer_due ON complaint_timer (due_at) WHERE fired_at IS NULL;
