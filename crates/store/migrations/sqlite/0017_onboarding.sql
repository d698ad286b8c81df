-- Between the accepted offer and the first day: each session's pre-arrival checklist
-- (TOML; NATO's when absent) and where each item stands for each intern. Append-only.
CREATE TABLE onboarding_checklists (
    session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
    checklist TEXT NOT NULL
);

CREATE TABLE onboarding_items (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    -- todo, requested, in_progress, done, refused
    status TEXT NOT NULL,
    -- YYYY-MM-DD when the office set one; otherwise the checklist's
    due TEXT,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT,
    PRIMARY KEY (application_id, item_key)
);
