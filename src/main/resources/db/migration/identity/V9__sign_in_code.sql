-- Owners sign in with their mobile number and a one-time code (验证码). Codes are kept only as keyed
-- hashes; the limits (1 a minute, 10 a day, 5 wrong tries lock the number) are counted here so that
-- every instance sees the same counts.
CREATE TABLE sign_in_phone (
    phone           TEXT PRIMARY KEY,
    failed_attempts INT NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ
);

CREATE TABLE sign_in_code (
    id         BIGSERIAL PRIMARY KEY,
    phone      TEXT        NOT NULL REFERENCES sign_in_phone (phone),
    code_hash  TEXT        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX sign_in_code_by_phone ON sign_in_code (phone, issued_at DESC);
