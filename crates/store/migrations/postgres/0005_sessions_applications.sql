-- Sessions, their placements, and candidates' applications with their timeline. Append-only.
CREATE TABLE sessions (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    -- civil dates, YYYY-MM-DD
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    -- instants in unix milliseconds; shown in time_zone
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    time_zone TEXT NOT NULL,
    max_choices INTEGER NOT NULL,
    -- eligibility rules, canonical TOML
    rules TEXT NOT NULL
);

CREATE TABLE placements (
    id BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions (id),
    unit_code TEXT NOT NULL,
    position BIGINT NOT NULL,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    description_en TEXT NOT NULL,
    description_fr TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    -- JSON: [["en", "C1"], ...] and ["law", ...]
    languages TEXT NOT NULL,
    fields TEXT NOT NULL
);
CREATE INDEX placements_by_session ON placements (session_id, position);
CREATE INDEX placements_by_unit ON placements (unit_code);

CREATE TABLE applications (
    id BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    motivation TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    UNIQUE (session_id, account_id)
);

CREATE TABLE application_choices (
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    placement_id BIGINT NOT NULL REFERENCES placements (id),
    PRIMARY KEY (application_id, rank)
);

-- every change of an application, in order: the candidate's timeline and the audit trail
CREATE TABLE application_events (
    id BIGSERIAL PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX application_events_by_application ON application_events (application_id, id);
