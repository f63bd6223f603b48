-- The per-order order of the events on Kafka (operations/OrderedExternalization): one row
-- per public event not yet acknowledged by the broker, written in the transaction that made
-- the event happen, so an order's events have a sequence in commit order. An event is sent
-- only when no earlier row of its record key is left; its row goes once Kafka acknowledged it.
CREATE TABLE kafka_send_order (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    record_key  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX kafka_send_order_key ON kafka_send_order (record_key, seq);
