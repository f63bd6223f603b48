-- The optional nightly backup's timer (operations): one row per schedule, claimed with an
-- atomic UPDATE ... WHERE next_run_at <= now, so with several instances each night's
-- backup is written once, and the next run survives restarts.
CREATE TABLE backup_schedule (
    name          TEXT PRIMARY KEY,
    next_run_at   TIMESTAMPTZ NOT NULL,
    claimed_by    TEXT,
    claimed_at    TIMESTAMPTZ,
    last_file     TEXT,
    last_done_at  TIMESTAMPTZ
);
