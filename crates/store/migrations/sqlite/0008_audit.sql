-- The audit log: who did what to which record, appended and never changed. Each entry
-- carries the hash of the one before it (see crates/store/src/audit.rs), so an edited,
-- deleted, inserted or reordered entry breaks the chain. Append-only: never edit a
-- shipped migration. Times are unix milliseconds, UTC.
CREATE TABLE audit_log (
    -- 1, 2, 3… without gaps, assigned from audit_head (not by SQLite's rowid)
    seq INTEGER PRIMARY KEY CHECK (seq > 0),
    at BIGINT NOT NULL,
    -- the account that acted; no foreign key, so the log survives the account's deletion
    actor_id BIGINT,
    -- e-mail, 'system' or 'cli': readable even when the account is gone
    actor TEXT NOT NULL,
    -- e.g. 'application.view', 'application.status', 'audit.purge'
    action TEXT NOT NULL,
    -- e.g. 'application:42'
    subject TEXT NOT NULL,
    -- JSON text, '{}' when there is nothing to add
    detail TEXT NOT NULL,
    -- the client's IP address, when there is a client
    address TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- An administrator's browsing page filters by one of these, newest first.
CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_by_action ON audit_log (action, seq);
CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);

-- The last entry's seq and hash. Appends serialize on this one row, which gives gapless
-- seqs and a chain without forks; a cut tail no longer matches it.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
