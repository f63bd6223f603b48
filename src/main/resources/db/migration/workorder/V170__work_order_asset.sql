-- An order may name the equipment at fault (the asset module's id; no foreign key across modules).
ALTER TABLE work_order ADD COLUMN asset_id BIGINT;
CREATE INDEX work_order_by_asset ON work_order (asset_id, reported_at DESC) WHERE asset_id IS NOT NULL;
