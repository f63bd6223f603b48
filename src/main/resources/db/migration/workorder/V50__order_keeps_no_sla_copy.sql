-- The SLA engine keeps an order's clocks and deadlines in its own rows and answers for them
-- (workorder's OrderClocks); the order no longer stores a second copy written back inside each change.
ALTER TABLE work_order DROP COLUMN respond_by;
ALTER TABLE work_order DROP COLUMN arrive_by;
ALTER TABLE work_order DROP COLUMN complete_by;
ALTER TABLE work_order DROP COLUMN sla;
