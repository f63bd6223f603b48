-- Messages carry the grade of the order they are about, and the poller takes emergencies first:
-- priority 0 for L1/L2 orders (and urgent messages about no order), 1 for the rest.
ALTER TABLE notification_message ADD COLUMN grade TEXT CHECK (grade IN ('L1', 'L2', 'L3', 'L4'));
ALTER TABLE notification_message ADD COLUMN priority SMALLINT NOT NULL DEFAULT 1;
DROP INDEX notification_message_due;
CREATE INDEX notification_message_due ON notification_message (priority, next_attempt_at, id) WHERE status = 'PENDING';
