-- Onboarding without the demo: companies created and suspended by the platform operator, projects
-- with their public particulars and an archive date, buildings with units, common areas with a kind.
ALTER TABLE tenant ADD COLUMN created_at   TIMESTAMPTZ;
ALTER TABLE tenant ADD COLUMN suspended_at TIMESTAMPTZ;

ALTER TABLE project ADD COLUMN city          TEXT;
ALTER TABLE project ADD COLUMN lat           DOUBLE PRECISION;
ALTER TABLE project ADD COLUMN lng           DOUBLE PRECISION;
ALTER TABLE project ADD COLUMN hotline       TEXT;
ALTER TABLE project ADD COLUMN sms_signature TEXT;
ALTER TABLE project ADD COLUMN archived_at   TIMESTAMPTZ;
ALTER TABLE project ADD COLUMN created_at    TIMESTAMPTZ;

ALTER TABLE building ADD COLUMN units INT;

ALTER TABLE common_area ADD COLUMN kind TEXT NOT NULL DEFAULT 'OTHER'
    CHECK (kind IN ('LIFT', 'GARAGE', 'PUMP_ROOM', 'POWER_ROOM', 'GATE', 'GARDEN', 'CLUBHOUSE', 'CORRIDOR',
                    'ROOF', 'FIRE_SYSTEM', 'PLAYGROUND', 'OTHER'));
-- areas set up before kinds existed: name them by what their names say
UPDATE common_area SET kind = CASE
    WHEN name LIKE '%电梯%' THEN 'LIFT'
    WHEN name LIKE '%车库%' OR name LIKE '%停车%' THEN 'GARAGE'
    WHEN name LIKE '%水泵%' THEN 'PUMP_ROOM'
    WHEN name LIKE '%配电%' THEN 'POWER_ROOM'
    WHEN name LIKE '%大门%' OR name LIKE '%门岗%' THEN 'GATE'
    WHEN name LIKE '%花园%' OR name LIKE '%绿化%' THEN 'GARDEN'
    WHEN name LIKE '%会所%' THEN 'CLUBHOUSE'
    ELSE 'OTHER' END;

-- The platform operator hosts many property companies; they belong to none of them.
CREATE TABLE platform_operator (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    -- tokens carry it, as staff's do (identity's revocation check)
    access_version INT NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL
);
