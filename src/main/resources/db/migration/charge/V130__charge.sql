-- charge module: price lists, quotes and consent, materials store, payments (issue 12).
-- Amounts are integer fen (分) everywhere.

CREATE TABLE charge_rule (
    project_id BIGINT PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    callout_fee_fen BIGINT NOT NULL DEFAULT 0 CHECK (callout_fee_fen >= 0),
    -- categories the property fee covers inside homes (free there), comma-separated names
    fee_covered TEXT NOT NULL DEFAULT '',
    -- homes are free while under the developer's warranty (交付保修期), until this day inclusive
    home_warranty_until DATE
);

CREATE TABLE price_item (
    id BIGSERIAL PRIMARY KEY,
    project_id BIGINT NOT NULL,
    tenant_id BIGINT NOT NULL,
    code VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(10) NOT NULL CHECK (kind IN ('MATERIAL', 'LABOUR')),
    unit VARCHAR(20) NOT NULL,
    unit_price_fen BIGINT NOT NULL CHECK (unit_price_fen >= 0),
    chargeable BOOLEAN NOT NULL,
    effective_from DATE NOT NULL,
    effective_to DATE,
    UNIQUE (project_id, code, effective_from),
    CHECK (effective_to IS NULL OR effective_to > effective_from)
);

CREATE TABLE charge_quote (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    order_number VARCHAR(40) NOT NULL,
    status VARCHAR(10) NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REFUSED')),
    total_fen BIGINT NOT NULL CHECK (total_fen >= 0),
    payable_fen BIGINT NOT NULL CHECK (payable_fen >= 0),
    note VARCHAR(500),
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    decided_by VARCHAR(100),
    decided_role VARCHAR(20),
    decided_how VARCHAR(10) CHECK (decided_how IN ('SIGNED_IN', 'CODE', 'CALL', 'FREE')),
    decided_at TIMESTAMPTZ,
    approved_fen BIGINT,
    refusal_reason VARCHAR(500),
    callout_fen BIGINT NOT NULL DEFAULT 0,
    code_hash VARCHAR(64) UNIQUE,
    code_expires_at TIMESTAMPTZ
);
-- one quote at a time waits for the owner
CREATE UNIQUE INDEX charge_quote_one_proposed ON charge_quote (order_number) WHERE status = 'PROPOSED';
CREATE INDEX charge_quote_by_order ON charge_quote (order_number, id);

CREATE TABLE charge_quote_line (
    quote_id BIGINT NOT NULL REFERENCES charge_quote (id),
    line_no INT NOT NULL,
    item_code VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    unit VARCHAR(20) NOT NULL,
    unit_price_fen BIGINT NOT NULL,
    quantity INT NOT NULL CHECK (quantity > 0),
    amount_fen BIGINT NOT NULL,
    paid BOOLEAN NOT NULL,
    PRIMARY KEY (quote_id, line_no)
);

-- a decided quote and its lines never change: a change is a new quote
CREATE FUNCTION charge_quote_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'charge_quote_line' THEN
        RAISE EXCEPTION 'quote lines are immutable' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status <> 'PROPOSED' THEN
        RAISE EXCEPTION 'a decided quote is immutable' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charge_quote_frozen BEFORE UPDATE OR DELETE ON charge_quote
    FOR EACH ROW EXECUTE FUNCTION charge_quote_frozen();
CREATE TRIGGER charge_quote_line_frozen BEFORE UPDATE OR DELETE ON charge_quote_line
    FOR EACH ROW EXECUTE FUNCTION charge_quote_frozen();

CREATE TABLE stock_level (
    project_id BIGINT NOT NULL,
    tenant_id BIGINT NOT NULL,
    item_code VARCHAR(40) NOT NULL,
    on_hand INT NOT NULL CHECK (on_hand >= 0),
    low_at INT NOT NULL DEFAULT 0 CHECK (low_at >= 0),
    PRIMARY KEY (project_id, item_code)
);

CREATE TABLE stock_move (
    id BIGSERIAL PRIMARY KEY,
    project_id BIGINT NOT NULL,
    item_code VARCHAR(40) NOT NULL,
    order_number VARCHAR(40),
    kind VARCHAR(10) NOT NULL CHECK (kind IN ('RECEIVE', 'ISSUE', 'RETURN')),
    quantity INT NOT NULL CHECK (quantity > 0),
    moved_by VARCHAR(100) NOT NULL,
    moved_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_move_by_order ON stock_move (order_number, item_code);

CREATE TABLE payment (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    order_number VARCHAR(40) NOT NULL,
    amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
    method VARCHAR(10) NOT NULL CHECK (method IN ('CASH', 'WECHAT', 'ALIPAY', 'FEE_BILL')),
    reference VARCHAR(100),
    recorded_by VARCHAR(100) NOT NULL,
    recorded_by_name VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_by_order ON payment (order_number);
