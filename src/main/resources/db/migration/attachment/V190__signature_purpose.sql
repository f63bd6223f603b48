-- The owner's signature on completion (issue 14) is stored as an attachment of its own purpose.
ALTER TABLE attachment DROP CONSTRAINT attachment_purpose_check;
ALTER TABLE attachment ADD CONSTRAINT attachment_purpose_check
    CHECK (purpose IN ('REPORT', 'BEFORE', 'AFTER', 'SIGNATURE'));
