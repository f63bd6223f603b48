-- The one-time consent code of a quote waiting for the owner, kept by the charge module only
-- until the owner answered (the event announcing the quote carries its id, not the link, so
-- the secret no longer sits in the event publication registry).
CREATE TABLE charge_consent_code (
    quote_id   BIGINT PRIMARY KEY REFERENCES charge_quote (id),
    code       TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
