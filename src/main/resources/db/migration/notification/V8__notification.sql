-- Notifications: one row per message and channel, written in the transaction that handles the event
-- that causes it. The unique dedupe key (event + kind + recipient + channel) makes a re-delivered
-- event write nothing new; the delivery poller claims due rows with FOR UPDATE SKIP LOCKED and a lease.
CREATE TABLE notification_message (
    id                  BIGSERIAL PRIMARY KEY,
    dedupe_key          TEXT        NOT NULL UNIQUE,
    tenant_id           BIGINT,
    order_number        TEXT,
    kind                TEXT        NOT NULL,
    recipient_key       TEXT        NOT NULL,
    recipient           TEXT        NOT NULL,
    recipient_username  TEXT,
    recipient_name      TEXT,
    channel             TEXT        NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'APP', 'WECHAT')),
    locale              TEXT        NOT NULL,
    params              JSONB       NOT NULL,
    subject             TEXT,
    body                TEXT        NOT NULL,
    urgent              BOOLEAN     NOT NULL,
    quiet_hours         BOOLEAN     NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts            INT         NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    lease_until         TIMESTAMPTZ,
    claimed_by          TEXT,
    provider_message_id TEXT,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ,
    failed_at           TIMESTAMPTZ
);
CREATE INDEX notification_message_due ON notification_message (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX notification_message_by_recipient ON notification_message (recipient, channel, sent_at);
CREATE INDEX notification_message_by_tenant ON notification_message (tenant_id, created_at DESC, id DESC);
CREATE INDEX notification_message_by_order ON notification_message (order_number);

-- How a person wants to be told: owners (by owner id) and staff (by staff id).
CREATE TABLE notification_preference (
    user_kind  TEXT        NOT NULL CHECK (user_kind IN ('OWNER', 'STAFF')),
    user_id    BIGINT      NOT NULL,
    channels   TEXT[]      NOT NULL,
    email      TEXT,
    language   TEXT        NOT NULL CHECK (language IN ('zh-CN', 'en')),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_kind, user_id)
);
