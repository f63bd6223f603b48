-- One row per project: when the supervisor was last told of an emergency surge. Claimed with a
-- conditional upsert so several instances raise one alert per interval.
CREATE TABLE dispatch_surge_alert (
    project_id BIGINT PRIMARY KEY,
    alerted_at TIMESTAMPTZ NOT NULL
);

-- Emergencies on their way (dispatched or taken, nobody on site yet), counted per project for surges.
CREATE INDEX dispatch_job_emergencies_by_project ON dispatch_job (project_id) WHERE grade = 'L1';
