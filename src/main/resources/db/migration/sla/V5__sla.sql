-- Service levels: per-project policies and calendar days, each order's clocks, and timers as rows.
CREATE TABLE sla_policy (
    project_id BIGINT PRIMARY KEY,
    document   JSONB       NOT NULL,
    version    INT         NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

CREATE TABLE sla_calendar_day (
    project_id BIGINT NOT NULL,
    day        DATE   NOT NULL,
    type       TEXT   NOT NULL CHECK (type IN ('HOLIDAY', 'WORKDAY')),
    PRIMARY KEY (project_id, day)
);

-- One row per order and clock (respond, arrive, complete). Limits are in the clock's own time:
-- wall time for 24H clocks, working time for WORKING clocks.
CREATE TABLE sla_clock (
    order_number   TEXT        NOT NULL,
    clock          TEXT        NOT NULL,
    tenant_id      BIGINT      NOT NULL,
    project_id     BIGINT      NOT NULL,
    grade          TEXT        NOT NULL,
    mode           TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    limit_seconds  BIGINT      NOT NULL,
    paused_seconds BIGINT      NOT NULL DEFAULT 0,
    paused_at      TIMESTAMPTZ,
    deadline       TIMESTAMPTZ NOT NULL,
    met_at         TIMESTAMPTZ,
    breached_at    TIMESTAMPTZ,
    state          TEXT        NOT NULL,
    PRIMARY KEY (order_number, clock)
);
CREATE INDEX sla_clock_by_project ON sla_clock (project_id, started_at);

CREATE TABLE sla_timer (
    id           BIGSERIAL PRIMARY KEY,
    order_number TEXT        NOT NULL,
    clock        TEXT,
    kind         TEXT        NOT NULL,
    fraction     DOUBLE PRECISION,
    role         TEXT,
    due_at       TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL,
    fired_at     TIMESTAMPTZ,
    fired_by     TEXT
);
CREATE INDEX sla_timer_due ON sla_timer (due_at) WHERE status = 'PENDING';
CREATE INDEX sla_timer_by_order ON sla_timer (order_number) WHERE status = 'PENDING';
