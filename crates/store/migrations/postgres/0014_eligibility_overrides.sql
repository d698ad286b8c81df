-- A coordinator's decision to hold an application eligible although it failed the
-- session's rules at submission, with the written justification. At most one per
-- application; the list's eligibility facet reads it with submitted_profiles.eligible.
-- Append-only.
CREATE TABLE eligibility_overrides (
    application_id BIGINT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    justification TEXT NOT NULL,
    -- no foreign key: the record outlives the coordinator's account
    actor_id BIGINT,
    at BIGINT NOT NULL
);
