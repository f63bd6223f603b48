-- WeChat messages fall back to SMS (issue 14): a WeChat row keeps the number to fall back to, and
-- the SMS row written instead says which row it replaces and why.
ALTER TABLE notification_message ADD COLUMN fallback_phone TEXT;
ALTER TABLE notification_message ADD COLUMN fallback_of BIGINT;
ALTER TABLE notification_message ADD COLUMN fallback_reason TEXT;
