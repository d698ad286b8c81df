-- How many months a session's unsuccessful applications are kept after the internships
-- end; then `cohort retention purge` (and the daily run in `cohort serve`) deletes them
-- with their files. Append-only.
ALTER TABLE sessions ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 12;
