-- Preventive maintenance plans (维保计划) and the work each generates, once per plan and due day.
CREATE TABLE maintenance_plan (
    id             BIGSERIAL PRIMARY KEY,
    tenant_id      BIGINT      NOT NULL,
    project_id     BIGINT      NOT NULL,
    asset_id       BIGINT      NOT NULL,
    name           TEXT        NOT NULL,
    every_n        INT,
    unit           TEXT        NOT NULL,
    meter_every    BIGINT,
    next_meter_due BIGINT,
    last_meter     BIGINT,
    starts_on      DATE        NOT NULL,
    lead_days      INT         NOT NULL,
    holiday_rule   TEXT        NOT NULL,
    checklist      TEXT[]      NOT NULL,
    active         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX maintenance_plan_by_project ON maintenance_plan (project_id, asset_id);
CREATE INDEX maintenance_plan_by_asset ON maintenance_plan (asset_id);

-- The unique key is what makes generation exactly once, whichever instance runs it.
CREATE TABLE plan_work (
    id            BIGSERIAL PRIMARY KEY,
    plan_id       BIGINT      NOT NULL REFERENCES maintenance_plan (id),
    due_on        DATE        NOT NULL,
    work_on       DATE        NOT NULL,
    order_number  TEXT        NOT NULL UNIQUE,
    generated_at  TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    escalated_at  TIMESTAMPTZ,
    UNIQUE (plan_id, due_on)
);
CREATE INDEX plan_work_open ON plan_work (work_on) WHERE completed_at IS NULL AND escalated_at IS NULL;
