-- The transactional e-mail outbox: a row is written in the same transaction as the change
-- that causes the message, and the worker sends only committed rows. Append-only: never
-- edit a shipped migration. Times are unix milliseconds, UTC.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- not sent before this time: the first try, a retry after a failure, or a worker's lease
    send_after BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at BIGINT
);

-- The worker's scan: unsent rows due by now, oldest first. Sent rows stay out of the index.
CREATE INDEX outbox_pending ON outbox (send_after, id) WHERE sent_at IS NULL;
