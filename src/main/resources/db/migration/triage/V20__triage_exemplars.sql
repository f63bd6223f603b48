-- Each tenant's own labelled descriptions (regrades by staff, imports) with their sentence
-- vectors (512 float32, big-endian), and the shipped exemplars a tenant has hidden.
CREATE TABLE triage_exemplar (
    id         BIGSERIAL PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    text       TEXT        NOT NULL,
    grade      TEXT        NOT NULL,
    category   TEXT        NOT NULL,
    source     TEXT        NOT NULL,
    note       TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    vector     BYTEA       NOT NULL
);
CREATE UNIQUE INDEX triage_exemplar_text ON triage_exemplar (tenant_id, md5(text));

CREATE TABLE triage_exemplar_hidden (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    exemplar_key TEXT        NOT NULL,
    hidden_at    TIMESTAMPTZ NOT NULL,
    hidden_by    TEXT        NOT NULL,
    UNIQUE (tenant_id, exemplar_key)
);
