-- Equipment register (设备台账), devices that raise alarms, and the alarms themselves.
CREATE TABLE asset (
    id                BIGSERIAL PRIMARY KEY,
    tenant_id         BIGINT      NOT NULL,
    project_id        BIGINT      NOT NULL,
    project_code      TEXT        NOT NULL,
    area              TEXT        NOT NULL,
    building          TEXT,
    type              TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    maker             TEXT,
    model             TEXT,
    serial            TEXT,
    installed_on      DATE,
    registration_code TEXT,
    contractor        TEXT,
    contract_ends     DATE,
    status            TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           INT         NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);
CREATE INDEX asset_by_project ON asset (project_id, type, name);

CREATE TABLE device (
    id          BIGSERIAL PRIMARY KEY,
    device_id   TEXT        NOT NULL UNIQUE,
    asset_id    BIGINT      NOT NULL REFERENCES asset (id),
    name        TEXT        NOT NULL,
    key_hash    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ
);
CREATE INDEX device_by_asset ON device (asset_id);

-- One row per alarm condition of a device: repeats count on it, "cleared" closes it; at most
-- one open row per device and type, whichever instance receives the alarm.
CREATE TABLE device_alarm (
    id            BIGSERIAL PRIMARY KEY,
    device_id     BIGINT      NOT NULL REFERENCES device (id),
    asset_id      BIGINT      NOT NULL,
    type          TEXT        NOT NULL,
    severity      TEXT        NOT NULL,
    last_value    TEXT,
    state         TEXT        NOT NULL,
    repeats       INT         NOT NULL DEFAULT 1,
    flaps         INT         NOT NULL DEFAULT 0,
    order_number  TEXT,
    raised_at     TIMESTAMPTZ NOT NULL,
    last_at       TIMESTAMPTZ NOT NULL,
    noted_at      TIMESTAMPTZ NOT NULL,
    cleared_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX device_alarm_one_open ON device_alarm (device_id, type) WHERE state = 'OPEN';
CREATE INDEX device_alarm_by_asset ON device_alarm (asset_id, raised_at DESC);

-- Signed alarms seen lately: the same signature twice is a replay.
CREATE TABLE device_signature (
    device_id  BIGINT      NOT NULL,
    signature  TEXT        NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (device_id, signature)
);
CREATE INDEX device_signature_by_age ON device_signature (seen_at);
