-- The live-event feed behind GET /api/v1/events: one row per event and recipient, written in the
-- transaction of the change it reports. The id is the SSE event id. Rows are delivered in
-- (tx, id) order, and only once every transaction older than tx has ended, so a row whose
-- transaction commits late is never skipped by a reader that has already moved on.
CREATE TABLE live_event (
    id             BIGSERIAL PRIMARY KEY,
    tx             XID8        NOT NULL DEFAULT pg_current_xact_id(),
    -- O: an owner (recipient_id = owner id), S: a staff member (staff id),
    -- P: the staff watching a project (project id), filtered by role when read
    recipient_kind CHAR(1)     NOT NULL CHECK (recipient_kind IN ('O', 'S', 'P')),
    recipient_id   BIGINT      NOT NULL,
    tenant_id      BIGINT,
    type           TEXT        NOT NULL,
    order_number   TEXT,
    at             TIMESTAMPTZ NOT NULL,
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX live_event_by_recipient ON live_event (recipient_kind, recipient_id, tx, id);
-- staff who serve every project of their tenant
CREATE INDEX live_event_by_tenant ON live_event (tenant_id, tx, id) WHERE recipient_kind = 'P';
CREATE INDEX live_event_by_age ON live_event (created_at);
