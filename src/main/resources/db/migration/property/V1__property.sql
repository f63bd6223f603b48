-- Property master data: property companies (tenants), their projects (小区), sites, owners and staff.
CREATE TABLE tenant (
    id   BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE project (
    id        BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenant (id),
    code      TEXT   NOT NULL UNIQUE,
    name      TEXT   NOT NULL,
    address   TEXT
);

CREATE TABLE building (
    id         BIGSERIAL PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    code       TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    floors     INT    NOT NULL,
    lat        DOUBLE PRECISION,
    lng        DOUBLE PRECISION,
    UNIQUE (project_id, code)
);

CREATE TABLE home (
    id          BIGSERIAL PRIMARY KEY,
    building_id BIGINT NOT NULL REFERENCES building (id),
    unit        TEXT   NOT NULL,
    room        TEXT   NOT NULL,
    UNIQUE (building_id, unit, room)
);

CREATE TABLE common_area (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT NOT NULL REFERENCES project (id),
    name        TEXT   NOT NULL,
    building_id BIGINT REFERENCES building (id),
    lat         DOUBLE PRECISION,
    lng         DOUBLE PRECISION,
    UNIQUE (project_id, name)
);

-- An owner's account is their mobile number; their homes may lie with several property companies.
CREATE TABLE owner (
    id            BIGSERIAL PRIMARY KEY,
    phone         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE owner_home (
    owner_id BIGINT NOT NULL REFERENCES owner (id),
    home_id  BIGINT NOT NULL REFERENCES home (id),
    PRIMARY KEY (owner_id, home_id)
);
CREATE INDEX owner_home_by_home ON owner_home (home_id);

CREATE TABLE staff (
    id            BIGSERIAL PRIMARY KEY,
    tenant_id     BIGINT NOT NULL REFERENCES tenant (id),
    username      TEXT   NOT NULL UNIQUE,
    name          TEXT   NOT NULL,
    phone         TEXT,
    role          TEXT   NOT NULL CHECK (role IN ('AGENT', 'DISPATCHER', 'SUPERVISOR', 'TECHNICIAN', 'MANAGER', 'ADMIN')),
    password_hash TEXT   NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_by_tenant_role ON staff (tenant_id, role);

-- No rows for a staff member: they serve every project of their tenant.
CREATE TABLE staff_project (
    staff_id   BIGINT NOT NULL REFERENCES staff (id),
    project_id BIGINT NOT NULL REFERENCES project (id),
    PRIMARY KEY (staff_id, project_id)
);
