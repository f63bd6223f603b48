-- Routes are edited (issue 13): a version for concurrent edits, and checkpoints and items taken off
-- a route are retired rather than deleted, since past check-ins, results and QR labels name them.
ALTER TABLE inspection_route ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE checkpoint ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE check_item ADD COLUMN retired_at TIMESTAMPTZ;
