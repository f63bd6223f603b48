-- Technicians' dispatch profiles (skills, shifts, status, position) and the jobs each has in hand.
CREATE TABLE technician (
    staff_id      BIGINT PRIMARY KEY,
    tenant_id     BIGINT NOT NULL,
    status        TEXT   NOT NULL DEFAULT 'ON_DUTY' CHECK (status IN ('ON_DUTY', 'OFF', 'LEAVE')),
    lat           DOUBLE PRECISION,
    lng           DOUBLE PRECISION,
    position_at   TIMESTAMPTZ,
    max_open_jobs INT    -- null: the configured default (suxiu.dispatch.max-open-jobs)
);

CREATE TABLE technician_skill (
    staff_id BIGINT   NOT NULL REFERENCES technician (staff_id),
    category TEXT     NOT NULL,
    level    SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (staff_id, category)
);

-- Weekly shifts in the project's local time; an overnight shift ends before it starts (20:00-08:00).
-- On-call (值班) shifts take emergencies only.
CREATE TABLE technician_shift (
    id          BIGSERIAL PRIMARY KEY,
    staff_id    BIGINT  NOT NULL REFERENCES technician (staff_id),
    day_of_week SMALLINT CHECK (day_of_week BETWEEN 1 AND 7),
    starts      TIME    NOT NULL,
    ends        TIME    NOT NULL,
    on_call     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX technician_shift_by_staff ON technician_shift (staff_id);

-- Read model of open jobs, kept by the work-order events in their own transactions.
CREATE TABLE dispatch_job (
    order_number  TEXT PRIMARY KEY,
    tenant_id     BIGINT      NOT NULL,
    project_id    BIGINT      NOT NULL,
    technician_id BIGINT      NOT NULL,
    grade         TEXT        NOT NULL,
    category      TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    lat           DOUBLE PRECISION,
    lng           DOUBLE PRECISION,
    dispatched_at TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    arrive_by     TIMESTAMPTZ
);
CREATE INDEX dispatch_job_by_technician ON dispatch_job (technician_id);
