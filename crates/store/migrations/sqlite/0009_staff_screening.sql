-- Staff scopes, the reasons of screening decisions, and the profile as submitted.
-- Append-only.

-- the host units a reviewer works for (their scope)
CREATE TABLE reviewer_units (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    unit_code TEXT NOT NULL,
    PRIMARY KEY (account_id, unit_code)
);

-- who made a change and why (staff decisions); NULL for the candidate's own changes
ALTER TABLE application_events ADD COLUMN actor_id BIGINT;
ALTER TABLE application_events ADD COLUMN reason TEXT;

-- the profile as it was at submission, and whether it met the rules then: what the office
-- screens, whatever the candidate edits afterwards
CREATE TABLE submitted_profiles (
    application_id BIGINT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    eligible INTEGER NOT NULL
);
