-- Which repair types a project's grab pool offers (empty: all) and how long an order stays
-- in the pool after it is reported before only a dispatcher sends it (null: no limit).
ALTER TABLE grab_pool ADD COLUMN categories TEXT NOT NULL DEFAULT '';
ALTER TABLE grab_pool ADD COLUMN offer_minutes INT CHECK (offer_minutes BETWEEN 1 AND 10080);
