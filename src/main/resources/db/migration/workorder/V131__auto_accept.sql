-- issue 12: an order the owner has not accepted within N days of completion is accepted by the system.
-- One timer row per completed order, claimed with FOR UPDATE SKIP LOCKED, fired once.
CREATE TABLE auto_accept_timer (
    order_number VARCHAR(40) PRIMARY KEY,
    due_at TIMESTAMPTZ NOT NULL,
    fired_at TIMESTAMPTZ
);
CREATE INDEX auto_accept_timer_due ON auto_accept_timer (due_at) WHERE fired_at IS NULL;
