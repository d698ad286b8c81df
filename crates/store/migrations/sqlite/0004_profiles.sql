-- Candidates' profiles, one per account, as the canonical JSON of the domain's RawProfile
-- (the profile is read and written whole; no query looks inside it). Append-only.
CREATE TABLE profiles (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
