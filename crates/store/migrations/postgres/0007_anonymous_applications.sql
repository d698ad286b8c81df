-- What is kept of an application when its candidate deletes their account: the session,
-- the status, the day it was submitted (UTC) and how many choices it ranked, so that a
-- session's counts stay true. No account, no text, nothing that points at a person.
-- Append-only.
CREATE TABLE anonymous_applications (
    session_id BIGINT NOT NULL REFERENCES sessions (id),
    status TEXT NOT NULL,
    -- civil date YYYY-MM-DD in UTC, or NULL when never submitted
    submitted_day TEXT,
    choices INTEGER NOT NULL,
    deleted_at BIGINT NOT NULL
);
CREATE INDEX anonymous_applications_by_session ON anonymous_applications (session_id);
