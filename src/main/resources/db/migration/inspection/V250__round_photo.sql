-- Photos taken at a check-in (issue 13): the bytes live in the attachment module's FileStore,
-- the rows here say which check-in they belong to, so only people who may see the round fetch them.
CREATE TABLE round_photo (
    id             UUID PRIMARY KEY,
    checkin_id     BIGINT      NOT NULL REFERENCES round_checkin (id),
    round_id       BIGINT      NOT NULL REFERENCES inspection_round (id),
    checkpoint_id  BIGINT      NOT NULL REFERENCES checkpoint (id),
    seq            INT         NOT NULL,
    media_type     TEXT        NOT NULL,
    size_bytes     BIGINT      NOT NULL,
    width          INT         NOT NULL,
    height         INT         NOT NULL,
    file_key       TEXT        NOT NULL,
    thumbnail_key  TEXT        NOT NULL,
    uploaded_by    TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX round_photo_by_round ON round_photo (round_id, checkin_id, seq);
