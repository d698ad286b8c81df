-- A person's calendar feed: the SHA-256 of an unguessable token that the feed's URL
-- carries; one per account, replaced or revoked at will. Append-only.
CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX calendar_feeds_by_account ON calendar_feeds (account_id);
