-- The internship of each accepted intern: its dates when the office changes them from the
-- session's period (NULL: the session's), and its supervisor (a staff account of role
-- supervisor). A row exists once the office set something. Append-only.
CREATE TABLE internships (
    application_id BIGINT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    start_date TEXT,
    end_date TEXT,
    supervisor_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX internships_by_supervisor ON internships (supervisor_id);

-- The supervisor's evaluations: one mid-term and one final per internship, scores as a
-- JSON object of criterion key to score; submitted ones are final.
CREATE TABLE internship_evaluations (
    id INTEGER PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    -- midterm, final
    kind TEXT NOT NULL,
    scores TEXT NOT NULL,
    comments TEXT NOT NULL,
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    saved_at BIGINT NOT NULL,
    submitted_at BIGINT,
    UNIQUE (application_id, kind)
);
