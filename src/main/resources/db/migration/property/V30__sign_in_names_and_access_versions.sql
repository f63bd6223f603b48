-- One namespace for sign-in names: owners sign in with their mobile number, staff with a name that
-- starts with a letter and so can never be a phone number (an imported owner could shadow a staff
-- member whose username was all digits). Existing staff names that do not start with a letter get
-- the prefix 'staff-' (e.g. 13800000009 -> staff-13800000009); administrators tell them.
UPDATE staff SET username = 'staff-' || username WHERE username !~ '^[A-Za-z]';
ALTER TABLE staff ADD CONSTRAINT staff_username_starts_with_a_letter CHECK (username ~ '^[A-Za-z]');

-- Raised whenever what a person may do changes (deactivation, role, projects, password): tokens and
-- page sessions carry the version they were issued under and stop working once it moves on.
ALTER TABLE staff ADD COLUMN access_version INT NOT NULL DEFAULT 0;
ALTER TABLE owner ADD COLUMN access_version INT NOT NULL DEFAULT 0;
