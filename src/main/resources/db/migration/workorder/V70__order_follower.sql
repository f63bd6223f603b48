-- Callers who reported a fault that already had an open order: they follow that order and get its
-- messages instead of a second order being created.
CREATE TABLE work_order_follower (
    order_number TEXT        NOT NULL,
    tenant_id    BIGINT      NOT NULL,
    phone        TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    added_by     TEXT        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_number, phone)
);
