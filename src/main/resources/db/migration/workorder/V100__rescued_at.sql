-- When the people trapped in a lift were freed (被困人员已解救), for entrapment (L1 lift) orders only.
ALTER TABLE work_order ADD COLUMN rescued_at TIMESTAMPTZ;
