-- The owner's hurries (催单) per order: how many, and when the last one was, so that a
-- hurry within the quiet period is refused; the row is locked while a hurry is taken.
CREATE TABLE order_hurry (
    order_number TEXT        PRIMARY KEY,
    hurries      INT         NOT NULL DEFAULT 0,
    last_at      TIMESTAMPTZ
);
