-- Accounts, e-mail tokens, sign-in sessions and sign-in attempts. Append-only.
CREATE TABLE accounts (
    id BIGSERIAL PRIMARY KEY,
    -- lower-cased address: one account per address whatever the capitals
    email_key TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    lang TEXT NOT NULL,
    verified_at BIGINT,
    created_at BIGINT NOT NULL
);

-- one-time links sent by e-mail; only a hash is stored
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- sign-in sessions live in the database so that any node can serve any user
CREATE TABLE user_sessions (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX user_sessions_by_account ON user_sessions (account_id);

-- failed sign-ins, per account and per address, for rate limiting
CREATE TABLE login_failures (
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_subject ON login_failures (subject, at);
