-- Offer rounds: a session's nationality caps, every allocation run with the exact
-- instance and result, and the offers a published run made. Append-only.

-- JSON: [{"nationality": "FR", "count": 3}, {"nationality": "PL", "percent": 20}]
CREATE TABLE nationality_caps (
    session_id BIGINT PRIMARY KEY REFERENCES sessions (id),
    caps TEXT NOT NULL
);

-- a run is a preview until published; its instance and result are kept byte for byte so
-- that `cohort match` on the instance gives the result again
CREATE TABLE allocation_runs (
    id BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions (id),
    round INTEGER NOT NULL,
    seed BIGINT NOT NULL,
    instance TEXT NOT NULL,
    result TEXT NOT NULL,
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    published_at BIGINT,
    reply_by BIGINT
);
CREATE INDEX allocation_runs_by_session ON allocation_runs (session_id, id);
-- one published run per round, whatever two coordinators click at once
CREATE UNIQUE INDEX allocation_runs_one_published ON allocation_runs (session_id, round)
    WHERE published_at IS NOT NULL;

-- at most one offer per application, ever: a declined or lapsed offer is not made again;
-- where it stands is the application's status (offered, accepted, declined, expired)
CREATE TABLE offers (
    application_id BIGINT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    run_id BIGINT NOT NULL REFERENCES allocation_runs (id),
    placement_id BIGINT NOT NULL REFERENCES placements (id),
    made_at BIGINT NOT NULL,
    reply_by BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX offers_by_run ON offers (run_id);
