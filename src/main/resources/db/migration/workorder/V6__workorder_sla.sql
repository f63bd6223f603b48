-- Deadlines and SLA clock states the SLA module records on each order, and the clock of SLA history lines.
ALTER TABLE work_order ADD COLUMN respond_by TIMESTAMPTZ;
ALTER TABLE work_order ADD COLUMN arrive_by TIMESTAMPTZ;
ALTER TABLE work_order ADD COLUMN complete_by TIMESTAMPTZ;
ALTER TABLE work_order ADD COLUMN sla JSONB;
ALTER TABLE work_order_history ADD COLUMN clock TEXT;
