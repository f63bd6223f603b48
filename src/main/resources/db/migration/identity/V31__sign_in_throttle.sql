-- Failed sign-ins per account ('account:<name>') and per client address ('address:<ip>'), and code
-- requests per address ('sms-address:<ip>'), counted here so that every instance keeps one tally.
-- An attempt counts when it starts (so parallel guesses cannot slip past the limit) and is taken
-- back when it succeeds.
CREATE TABLE sign_in_throttle (
    key           TEXT PRIMARY KEY,
    failures      INT         NOT NULL DEFAULT 0,
    window_start  TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ,
    locked        BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX sign_in_throttle_by_window ON sign_in_throttle (window_start);

-- Tokens signed out before they expire (POST /api/v1/auth/logout), by their id (jti).
CREATE TABLE revoked_token (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX revoked_token_by_expiry ON revoked_token (expires_at);
