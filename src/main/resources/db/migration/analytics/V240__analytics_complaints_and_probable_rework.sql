-- Analytics (issue 15): complaints per 1,000 homes and probable rework in the roll-ups.

-- An order the system flagged as probably repeating an earlier repair, not yet judged
-- (疑似返修待确认); a confirmed one counts as rework, a dismissed one as neither.
ALTER TABLE analytics_order ADD COLUMN probable_rework BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE analytics_rollup
    ADD COLUMN probable_rework BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN complaints      BIGINT NOT NULL DEFAULT 0;

-- Each complaint opened, once (its event may come again), with the dimensions it is
-- counted under: so a recount from scratch adds them back without asking the complaint
-- module, and a repeated event counts nothing.
CREATE TABLE analytics_complaint (
    complaint_id   BIGINT PRIMARY KEY,
    tenant_id      BIGINT NOT NULL,
    project_id     BIGINT NOT NULL,
    day            DATE   NOT NULL,
    order_number   TEXT,
    grade          TEXT,
    category       TEXT,
    channel        TEXT,
    technician_id  BIGINT
);
CREATE INDEX analytics_complaint_by_project_day ON analytics_complaint (project_id, day);

-- Probable reworks were counted as rework before: the next start counts every order
-- again (once across instances), moving the roll-ups by the difference.
DELETE FROM analytics_state;
