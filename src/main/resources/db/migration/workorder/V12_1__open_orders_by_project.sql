-- The day planner reads a project's open orders; most orders are long closed.
CREATE INDEX work_order_open_by_project ON work_order (project_id, created_at, id)
    WHERE status IN ('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD');
