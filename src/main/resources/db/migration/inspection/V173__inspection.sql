-- Inspection rounds (巡检): routes of checkpoints with check items, rounds assigned to a person,
-- check-ins per checkpoint with their results.
CREATE TABLE inspection_route (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    project_id  BIGINT      NOT NULL,
    project_code TEXT       NOT NULL,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, name)
);

CREATE TABLE checkpoint (
    id        BIGSERIAL PRIMARY KEY,
    route_id  BIGINT NOT NULL REFERENCES inspection_route (id),
    seq       INT    NOT NULL,
    name      TEXT   NOT NULL,
    place     TEXT   NOT NULL,
    asset_id  BIGINT
);
CREATE INDEX checkpoint_by_route ON checkpoint (route_id, seq);

CREATE TABLE check_item (
    id             BIGSERIAL PRIMARY KEY,
    checkpoint_id  BIGINT  NOT NULL REFERENCES checkpoint (id),
    seq            INT     NOT NULL,
    text           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    min_value      NUMERIC,
    max_value      NUMERIC,
    unit           TEXT
);
CREATE INDEX check_item_by_checkpoint ON check_item (checkpoint_id, seq);

CREATE TABLE inspection_round (
    id             BIGSERIAL PRIMARY KEY,
    route_id       BIGINT      NOT NULL REFERENCES inspection_route (id),
    tenant_id      BIGINT      NOT NULL,
    project_id     BIGINT      NOT NULL,
    assignee_id    BIGINT      NOT NULL,
    assignee_name  TEXT        NOT NULL,
    due_from       TIMESTAMPTZ NOT NULL,
    due_by         TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    flagged_at     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX inspection_round_by_assignee ON inspection_round (assignee_id, due_from DESC);
CREATE INDEX inspection_round_by_project ON inspection_round (project_id, due_from DESC);
CREATE INDEX inspection_round_unflagged ON inspection_round (due_by) WHERE finished_at IS NULL AND flagged_at IS NULL;

CREATE TABLE round_checkin (
    id             BIGSERIAL PRIMARY KEY,
    round_id       BIGINT      NOT NULL REFERENCES inspection_round (id),
    checkpoint_id  BIGINT      NOT NULL REFERENCES checkpoint (id),
    at             TIMESTAMPTZ NOT NULL,
    lat            DOUBLE PRECISION,
    lng            DOUBLE PRECISION,
    UNIQUE (round_id, checkpoint_id)
);

CREATE TABLE round_result (
    id            BIGSERIAL PRIMARY KEY,
    checkin_id    BIGINT  NOT NULL REFERENCES round_checkin (id),
    item_id       BIGINT  NOT NULL REFERENCES check_item (id),
    pass          BOOLEAN NOT NULL,
    value         NUMERIC,
    note          TEXT,
    order_number  TEXT,
    UNIQUE (checkin_id, item_id)
);
