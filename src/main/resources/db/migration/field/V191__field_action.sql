-- Actions a technician's phone took while offline, replayed with their idempotency keys:
-- one row per key and technician, written in the transaction of the action it carried
-- (or, for a refused action, right after), so a replay of the same key answers the same.
CREATE TABLE field_action (
    technician_id BIGINT      NOT NULL,
    key           TEXT        NOT NULL,
    order_number  TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    result        TEXT        NOT NULL CHECK (result IN ('APPLIED', 'CONFLICT')),
    reason        TEXT,
    detail        TEXT,
    taken_at      TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (technician_id, key)
);
CREATE INDEX field_action_by_order ON field_action (order_number, created_at);
