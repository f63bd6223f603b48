-- A tenant's own triage rules; tenants without a row use the shipped rule set.
CREATE TABLE triage_rule_set (
    tenant_id  BIGINT PRIMARY KEY,
    rules      JSONB   NOT NULL,
    version    INT     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT    NOT NULL
);
