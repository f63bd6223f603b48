-- Photos and videos of work orders. The bytes live in a FileStore (local disk by default);
-- rows say whose order they belong to, so that only people who may see the order fetch them.
CREATE TABLE attachment (
    id            UUID PRIMARY KEY,
    order_number  TEXT        NOT NULL,
    purpose       TEXT        NOT NULL CHECK (purpose IN ('REPORT', 'BEFORE', 'AFTER')),
    kind          TEXT        NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')),
    media_type    TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    width         INT,
    height        INT,
    file_key      TEXT        NOT NULL,
    thumbnail_key TEXT,
    original_name TEXT,
    uploaded_by   TEXT        NOT NULL,
    uploader_role TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachment_by_order ON attachment (order_number, created_at);
