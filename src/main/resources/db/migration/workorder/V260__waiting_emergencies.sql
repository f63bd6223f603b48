-- A dispatch decision for an emergency counts the project's emergencies still waiting
-- for a technician; this keeps that count to a handful of index entries however many
-- other orders wait.
CREATE INDEX work_order_waiting_emergencies ON work_order (project_id) WHERE status = 'NEW' AND grade = 'L1';
