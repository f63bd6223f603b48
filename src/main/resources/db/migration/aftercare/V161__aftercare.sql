-- issue 12, item 5: each project's aftercare rules, and the follow-up call (回访) of each accepted order.
CREATE TABLE aftercare_rules (
    project_id          BIGINT PRIMARY KEY,
    tenant_id           BIGINT      NOT NULL,
    call_grades         TEXT        NOT NULL,
    call_charged        BOOLEAN     NOT NULL,
    call_rating_at_most INT         NOT NULL,
    sample_percent      INT         NOT NULL CHECK (sample_percent BETWEEN 0 AND 100),
    due_days            INT         NOT NULL,
    max_tries           INT         NOT NULL,
    close_after_hours   INT         NOT NULL,
    auto_accept_days    INT         NOT NULL,
    warranty_days       INT         NOT NULL,
    warranty_by_category TEXT       NOT NULL,
    version             INT         NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    updated_by          TEXT        NOT NULL
);

-- One row per accepted order: a call that is due (DUE), made (DONE), or no call (NO_CALL: the
-- order closes by itself at due_at, once across instances: claimed FOR UPDATE SKIP LOCKED).
CREATE TABLE follow_up (
    order_number   TEXT PRIMARY KEY,
    tenant_id      BIGINT      NOT NULL,
    project_id     BIGINT      NOT NULL,
    project_code   TEXT        NOT NULL,
    place          TEXT        NOT NULL,
    grade          TEXT        NOT NULL,
    category       TEXT        NOT NULL,
    technician_id  BIGINT,
    technician_name TEXT,
    reporter_name  TEXT        NOT NULL,
    reporter_phone TEXT        NOT NULL,
    rating         SMALLINT,
    accepted_at    TIMESTAMPTZ NOT NULL,
    call_reason    TEXT,
    status         TEXT        NOT NULL CHECK (status IN ('DUE', 'DONE', 'NO_CALL', 'CLOSED_WITHOUT_CALL', 'REOPENED')),
    due_at         TIMESTAMPTZ NOT NULL,
    attempts       INT         NOT NULL DEFAULT 0,
    last_try_at    TIMESTAMPTZ,
    outcome        TEXT,
    outcome_reason TEXT,
    note           TEXT,
    done_at        TIMESTAMPTZ,
    done_by        TEXT,
    fired_at       TIMESTAMPTZ,
    version        INT         NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_due ON follow_up (tenant_id, due_at, order_number) WHERE status = 'DUE';
CREATE INDEX follow_up_to_close ON follow_up (due_at) WHERE status = 'NO_CALL' AND fired_at IS NULL;
