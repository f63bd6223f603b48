-- Day plans (日计划): proposals of the Timefold day planner, stored so that any instance can show or
-- apply a plan computed by another.
CREATE TABLE day_plan (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    project_id   BIGINT      NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPLYING', 'APPLIED')),
    score        TEXT,                 -- the solver's score; null when there was nothing to solve
    feasible     BOOLEAN     NOT NULL,
    solve_millis BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL, -- a username, or 'system' for the periodic re-plan
    applied_at   TIMESTAMPTZ,
    applied_by   TEXT
);
CREATE INDEX day_plan_by_project ON day_plan (project_id, id DESC);

-- One line per order in the plan: NEW orders proposed to a technician (or left unplanned, technician
-- null) and the work already in hand (pinned), shown for context and never dispatched by the plan.
CREATE TABLE day_plan_visit (
    plan_id         BIGINT      NOT NULL REFERENCES day_plan (id),
    order_number    TEXT        NOT NULL,
    grade           TEXT        NOT NULL,
    category        TEXT        NOT NULL,
    pinned          BOOLEAN     NOT NULL,
    technician_id   BIGINT,
    technician_name TEXT,
    sequence        INT,
    planned_arrival TIMESTAMPTZ,
    planned_start   TIMESTAMPTZ,
    planned_finish  TIMESTAMPTZ,
    arrive_by       TIMESTAMPTZ,
    reason          TEXT,                -- why it is unplanned
    seen            JSONB,               -- the order as the planner saw it; apply skips it if it changed
    outcome         TEXT CHECK (outcome IN ('DISPATCHED', 'SKIPPED')),
    outcome_note    TEXT,
    PRIMARY KEY (plan_id, order_number)
);

-- The periodic re-plan: one row per project, claimed with FOR UPDATE SKIP LOCKED so that with several
-- instances each re-plan happens once.
CREATE TABLE day_plan_schedule (
    project_id  BIGINT PRIMARY KEY,
    next_run_at TIMESTAMPTZ NOT NULL,
    last_run_at TIMESTAMPTZ,
    last_run_by TEXT
);
