-- Which reviewers are asked to review which application (two each, by the coordinator's
-- assignment). Append-only.
CREATE TABLE review_assignments (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    reviewer_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);
CREATE INDEX review_assignments_by_reviewer ON review_assignments (reviewer_id);
