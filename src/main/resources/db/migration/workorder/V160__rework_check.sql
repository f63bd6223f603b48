-- issue 12, item 7: a new order at the same place and of the same kind within the warranty window is
-- probably rework of the earlier one (rework_of), until a person confirms or dismisses it.
ALTER TABLE work_order ADD COLUMN rework_check TEXT
    CHECK (rework_check IN ('PROBABLE', 'CONFIRMED', 'DISMISSED'));
-- the earlier repairs at one place, and the rework orders pointing at a repair (first-time fix)
CREATE INDEX work_order_by_place ON work_order (project_id, category, home_id, area_id);
CREATE INDEX work_order_by_rework_of ON work_order (rework_of) WHERE rework_of IS NOT NULL;
