-- Why an automatic grade is what it is (triage's explanation, for staff), and whether its
-- signals disagreed so that a person should confirm it (cleared by a regrade).
ALTER TABLE work_order ADD COLUMN grade_uncertain BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE work_order ADD COLUMN grade_explanation JSONB;
