-- Analytics (issue 15): its own read model of the orders, kept by listening to the order,
-- SLA and charge events (and rebuilt from the work-order module's public face), never by
-- reading another module's tables.

-- Adds two histograms bucket by bucket (a missing bucket counts as zero).
CREATE OR REPLACE FUNCTION analytics_add(a BIGINT[], b BIGINT[]) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) ORDER BY i), '{}')
    FROM generate_series(1, greatest(coalesce(array_length(a, 1), 0), coalesce(array_length(b, 1), 0))) AS i
$$;

-- One row per order: the dimensions it is counted under and its figures, so a change to
-- the order moves the roll-ups by the difference, and a figure opens into its orders.
CREATE TABLE analytics_order (
    number             TEXT PRIMARY KEY,
    tenant_id          BIGINT      NOT NULL,
    project_id         BIGINT      NOT NULL,
    day                DATE        NOT NULL,
    grade              TEXT        NOT NULL,
    category           TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    technician_id      BIGINT,
    technician_name    TEXT,
    reported_at        TIMESTAMPTZ NOT NULL,
    response_minutes   INT,
    arrival_minutes    INT,
    completion_minutes INT,
    work_minutes       INT,
    respond_clock      TEXT,
    arrive_clock       TEXT,
    complete_clock     TEXT,
    cause              TEXT,
    rework             BOOLEAN     NOT NULL,
    reworked           BOOLEAN     NOT NULL,
    rating             INT,
    satisfied          BOOLEAN,
    paid_fen           BIGINT      NOT NULL DEFAULT 0,
    approved_fen       BIGINT      NOT NULL DEFAULT 0,
    place              TEXT
);
CREATE INDEX analytics_order_by_project_day ON analytics_order (project_id, day, reported_at, number);

-- Payments and approved quotes seen, once each (the charge events may come again).
CREATE TABLE analytics_charge (
    kind          TEXT   NOT NULL,
    id            BIGINT NOT NULL,
    order_number  TEXT   NOT NULL,
    amount_fen    BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX analytics_charge_by_order ON analytics_charge (order_number);

-- A project's day, whole (dimension ALL) and split by grade, category, channel and
-- technician: counters, sums and histograms of minutes (see Buckets) from which the KPI
-- tables are added up without reading any order.
CREATE TABLE analytics_rollup (
    project_id       BIGINT NOT NULL,
    dimension        TEXT   NOT NULL,
    day              DATE   NOT NULL,
    value            TEXT   NOT NULL,
    tenant_id        BIGINT NOT NULL,
    orders           BIGINT NOT NULL DEFAULT 0,
    cancelled        BIGINT NOT NULL DEFAULT 0,
    completed        BIGINT NOT NULL DEFAULT 0,
    response_n       BIGINT NOT NULL DEFAULT 0,
    response_sum     BIGINT NOT NULL DEFAULT 0,
    arrival_n        BIGINT NOT NULL DEFAULT 0,
    arrival_sum      BIGINT NOT NULL DEFAULT 0,
    completion_n     BIGINT NOT NULL DEFAULT 0,
    completion_sum   BIGINT NOT NULL DEFAULT 0,
    work_n           BIGINT NOT NULL DEFAULT 0,
    work_sum         BIGINT NOT NULL DEFAULT 0,
    respond_met      BIGINT NOT NULL DEFAULT 0,
    respond_missed   BIGINT NOT NULL DEFAULT 0,
    arrive_met       BIGINT NOT NULL DEFAULT 0,
    arrive_missed    BIGINT NOT NULL DEFAULT 0,
    complete_met     BIGINT NOT NULL DEFAULT 0,
    complete_missed  BIGINT NOT NULL DEFAULT 0,
    kept             BIGINT NOT NULL DEFAULT 0,
    breached         BIGINT NOT NULL DEFAULT 0,
    cause_dispatch   BIGINT NOT NULL DEFAULT 0,
    cause_travel     BIGINT NOT NULL DEFAULT 0,
    cause_waiting    BIGINT NOT NULL DEFAULT 0,
    cause_emergency  BIGINT NOT NULL DEFAULT 0,
    cause_repair     BIGINT NOT NULL DEFAULT 0,
    rework           BIGINT NOT NULL DEFAULT 0,
    reworked         BIGINT NOT NULL DEFAULT 0,
    first_fix        BIGINT NOT NULL DEFAULT 0,
    rated            BIGINT NOT NULL DEFAULT 0,
    rating_sum       BIGINT NOT NULL DEFAULT 0,
    rated_good       BIGINT NOT NULL DEFAULT 0,
    followed_up      BIGINT NOT NULL DEFAULT 0,
    satisfied        BIGINT NOT NULL DEFAULT 0,
    paid_fen         BIGINT NOT NULL DEFAULT 0,
    approved_fen     BIGINT NOT NULL DEFAULT 0,
    response_hist    BIGINT[] NOT NULL DEFAULT '{}',
    arrival_hist     BIGINT[] NOT NULL DEFAULT '{}',
    completion_hist  BIGINT[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (project_id, dimension, day, value)
);

-- Whether the read model has counted the orders that were there before it listened.
CREATE TABLE analytics_state (
    id        INT PRIMARY KEY CHECK (id = 1),
    built_at  TIMESTAMPTZ NOT NULL,
    orders    BIGINT NOT NULL
);

-- A supervisor's remark on a technician's month (考核评语).
CREATE TABLE analytics_remark (
    project_id     BIGINT      NOT NULL,
    month          DATE        NOT NULL,
    technician_id  BIGINT      NOT NULL,
    tenant_id      BIGINT      NOT NULL,
    remark         TEXT        NOT NULL,
    written_by     TEXT        NOT NULL,
    written_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, month, technician_id)
);

-- The monthly report (月报) of each project: one timer row per project and month, due on
-- the 1st of the next month and claimed once across instances, and the PDF it made.
CREATE TABLE analytics_report (
    project_id     BIGINT      NOT NULL,
    month          DATE        NOT NULL,
    tenant_id      BIGINT      NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    fired_at       TIMESTAMPTZ,
    generated_at   TIMESTAMPTZ,
    pdf            BYTEA,
    PRIMARY KEY (project_id, month)
);
CREATE INDEX analytics_report_due ON analytics_report (due_at) WHERE fired_at IS NULL;

-- Sums histograms over rows, so a KPI table is added up inside the database and only its
-- rows (a dozen, not thousands of days) travel.
CREATE AGGREGATE analytics_sum(BIGINT[]) (SFUNC = analytics_add, STYPE = BIGINT[], INITCOND = '{}');
