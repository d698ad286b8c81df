-- Review by the host units and their rankings. Append-only.

-- a session's review settings; a session without a row uses the default rubric, blind
CREATE TABLE review_settings (
    session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
    -- JSON: the rubric's criteria with their labels and weights
    rubric TEXT NOT NULL,
    blind INTEGER NOT NULL,
    -- two review scores further apart than this are flagged
    disagreement DOUBLE PRECISION NOT NULL
);

-- one reviewer's scores of one application; the reviewer may revise them until ranking
-- closes
CREATE TABLE reviews (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    reviewer_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- JSON: criterion key -> 1..5
    scores TEXT NOT NULL,
    -- the weighted mean, 1..5
    score DOUBLE PRECISION NOT NULL,
    comment TEXT NOT NULL,
    reviewed_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);
CREATE INDEX reviews_by_reviewer ON reviews (reviewer_id);

-- a reviewer who knows the candidate steps aside
CREATE TABLE review_conflicts (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    reviewer_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    declared_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);

-- each placement's ranking: equal ranks are a tie group, 1 is the best
CREATE TABLE rankings (
    placement_id BIGINT NOT NULL REFERENCES placements (id),
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    PRIMARY KEY (placement_id, application_id)
);

-- when the coordinator froze the rankings (NULL while units may still reorder)
ALTER TABLE sessions ADD COLUMN ranking_closed_at BIGINT;
