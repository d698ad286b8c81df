-- Rate limits that every node shares, and the end of the per-attempt log. Append-only.

-- E-mail quotas (registration, reset links), one row per subject: a purpose and a key,
-- e.g. `reset-email:ana@example.org` or `register-client:203.0.113.7`. `tat` is the
-- generic cell rate algorithm's "theoretical arrival time" (Unix ms): a request is granted
-- while tat <= now + tolerance, and moves it one interval on. A row whose tat has passed
-- means what no row means, so the periodic purge deletes those.
CREATE TABLE rate_quotas (
    subject TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
CREATE INDEX rate_quotas_by_tat ON rate_quotas (tat);

-- Failed sign-ins per account and per client address: the failures in a row (forgotten
-- after a quiet window), when the last was, and when the next attempt may be evaluated.
-- An attempt reserves its slot here before the password is checked.
CREATE TABLE sign_in_failures (
    subject TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    next_at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_last ON sign_in_failures (last_at);

-- replaced by sign_in_failures: counting rows after the fact let concurrent guesses race
DROP TABLE login_failures;

-- the periodic purge deletes expired one-time links and sign-ins
CREATE INDEX email_tokens_by_expiry ON email_tokens (expires_at);
CREATE INDEX email_tokens_by_account ON email_tokens (account_id, purpose);
CREATE INDEX user_sessions_by_expiry ON user_sessions (expires_at);
