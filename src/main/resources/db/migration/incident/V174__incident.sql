-- One incident, many reports: orders about one cause linked to a lead order, and notices to a building.
CREATE TABLE incident (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    project_id   BIGINT      NOT NULL,
    lead_number  TEXT        NOT NULL UNIQUE,
    title        TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    closed_at    TIMESTAMPTZ
);
CREATE INDEX incident_by_project ON incident (project_id, created_at DESC);

-- An order belongs to one incident at most.
CREATE TABLE incident_order (
    incident_id   BIGINT      NOT NULL REFERENCES incident (id),
    order_number  TEXT        NOT NULL UNIQUE,
    linked_by     TEXT        NOT NULL,
    linked_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE building_notice (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    project_id  BIGINT      NOT NULL,
    building    TEXT        NOT NULL,
    text        TEXT        NOT NULL,
    sent_by     TEXT        NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL
);
