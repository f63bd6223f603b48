-- WeChat (issue 14): which owner an openid belongs to, the shared access token, and the nonces of
-- recent callbacks (so a replayed callback is refused on every instance).
CREATE TABLE wechat_binding (
    app_id   TEXT        NOT NULL,
    openid   TEXT        NOT NULL,
    kind     TEXT        NOT NULL CHECK (kind IN ('OFFICIAL', 'MINI')),
    owner_id BIGINT      NOT NULL,
    bound_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (app_id, openid)
);
-- one openid per owner and app: binding again replaces the old one
CREATE UNIQUE INDEX wechat_binding_owner ON wechat_binding (app_id, owner_id);

CREATE TABLE wechat_access_token (
    app_id       TEXT PRIMARY KEY,
    access_token TEXT,
    expires_at   TIMESTAMPTZ NOT NULL,
    fetched_at   TIMESTAMPTZ
);

CREATE TABLE wechat_nonce (
    nonce      TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX wechat_nonce_expiry ON wechat_nonce (expires_at);
