-- Indexes for the session report: counts by status read the index alone, and reviews are
-- found by application. Append-only.
CREATE INDEX applications_by_session_status ON applications (session_id, status);
CREATE INDEX reviews_by_application ON reviews (application_id, reviewer_id);
-- staff accounts are few among many candidates
CREATE INDEX accounts_by_role ON accounts (role);
